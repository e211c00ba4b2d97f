/**
 * Converted leads into accounts and opportunities. The only package that uses the leads module's api, which the
 * bundle imports optionally: without the leads plugin this package's component stays inactive.
 */
package dev.pacesetter.pipeline.internal.leads;
