/** SQL of the leads module: leads (read, written, their history), grading rules, owners, assignment rules and round-robin turns. */
package dev.pacesetter.leads.internal.store;
