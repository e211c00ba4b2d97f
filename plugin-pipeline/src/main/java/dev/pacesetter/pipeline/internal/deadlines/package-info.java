/** Stage deadlines: what happens when an opportunity waits in a stage too long without customer feedback. */
package dev.pacesetter.pipeline.internal.deadlines;
