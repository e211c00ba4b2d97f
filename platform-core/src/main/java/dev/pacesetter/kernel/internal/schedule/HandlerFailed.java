package dev.pacesetter.kernel.internal.schedule;

/** Carries a plugin handler's checked exception out of a transaction (which then rolls back) to the library. */
final class HandlerFailed extends RuntimeException {

    HandlerFailed(Exception cause) {
        super(cause.toString(), cause);
    }
}
