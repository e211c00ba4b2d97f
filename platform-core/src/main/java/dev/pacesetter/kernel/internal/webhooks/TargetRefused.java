package dev.pacesetter.kernel.internal.webhooks;

/** A webhook URL the server will not call; the message says which rule it broke and how to proceed. */
final class TargetRefused extends Exception {

    private static final long serialVersionUID = 1L;

    /** Whether the URL itself is malformed (400), rather than pointing somewhere it may not (422). */
    private final boolean malformed;

    TargetRefused(String message, boolean malformed) {
        super(message, null, false, false);
        this.malformed = malformed;
    }

    boolean malformed() {
        return malformed;
    }
}
