/** Stage deadlines: set, moved and cancelled as an opportunity moves, and acted on when one passes without customer feedback. */
package dev.pacesetter.pipeline.internal.deadlines;
