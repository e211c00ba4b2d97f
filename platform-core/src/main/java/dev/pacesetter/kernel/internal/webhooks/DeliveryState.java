package dev.pacesetter.kernel.internal.webhooks;

/** Where a delivery stands: waiting for its (next) attempt, answered with 2xx, or given up on. */
enum DeliveryState {
    PENDING, DELIVERED, PARKED
}
