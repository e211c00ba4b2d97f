/** Follow-up tasks, their policies and deadlines, and the words they are shown in. */
package dev.pacesetter.leads.internal.followup;
