package dev.pacesetter.kernel.internal.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class InFlightRequestsTest {

    @Test
    void drainWaitsForRequestsInFlightAndRefusesNewOnes() throws Exception {
        InFlightRequests inFlight = new InFlightRequests();
        assertTrue(inFlight.enter());
        CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return inFlight.drain(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (!inFlight.isDraining()) {
            Thread.onSpinWait();
        }
        assertFalse(inFlight.enter(), "a request arriving while draining is turned away");
        assertFalse(drained.isDone(), "drain waits for the request in flight");
        inFlight.exit();
        assertEquals(0, drained.get(5, TimeUnit.SECONDS));
    }

    @Test
    void drainGivesUpAtItsBoundAndSaysHowManyWereLeft() throws Exception {
        InFlightRequests inFlight = new InFlightRequests();
        inFlight.enter();
        assertEquals(1, inFlight.drain(Duration.ofMillis(20)));
    }
}
