package dev.pacesetter.kernel.internal.webhooks;

/**
 * A delivery this node has claimed, with what it takes to send it.
 *
 * @param attempts failed attempts since it was created or last replayed (they decide back-off and parking)
 * @param totalAttempts every attempt ever made, to number the log
 */
record DueDelivery(long id, long webhookId, String url, String secret, String eventId, String topic, String body, int attempts,
        int totalAttempts) {
}
