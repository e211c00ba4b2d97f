/** The leads module's REST routes, their request and response shapes, and how stored words read in the reader's language. */
package dev.pacesetter.leads.internal.http;
