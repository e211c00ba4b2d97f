package dev.pacesetter.kernel.internal.webhooks;

/**
 * What one attempt came to.
 *
 * @param status the receiver's HTTP status, or {@code null} when there was no answer (refused target, timeout, connection error)
 * @param error a short reason when it failed, else {@code null}
 */
record AttemptOutcome(Integer status, String error, long durationMs) {

    static final int MAX_ERROR = 300;

    AttemptOutcome {
        if (error != null && error.length() > MAX_ERROR) {
            error = error.substring(0, MAX_ERROR);
        }
    }

    boolean delivered() {
        return status != null && status >= 200 && status < 300;
    }
}
