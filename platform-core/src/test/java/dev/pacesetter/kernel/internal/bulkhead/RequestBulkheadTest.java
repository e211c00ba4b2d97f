package dev.pacesetter.kernel.internal.bulkhead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class RequestBulkheadTest {

    @Test
    void admitsUpToItsLimitThenLetsAQueueWaitAndTurnsTheRestAway() throws Exception {
        RequestBulkhead bulkhead = new RequestBulkhead(2, 1, 10_000);
        assertTrue(bulkhead.enter());
        assertTrue(bulkhead.enter());
        CompletableFuture<Boolean> queued = CompletableFuture.supplyAsync(bulkhead::enter);
        while (bulkhead.waiting() == 0) {
            Thread.onSpinWait();
        }
        assertFalse(bulkhead.enter(), "the queue of one is taken: turned away at once");
        bulkhead.exit();
        assertTrue(queued.get(5, TimeUnit.SECONDS), "the waiting request gets the freed slot");
        assertEquals(2, bulkhead.running());
    }

    @Test
    void aWaitingRequestGivesUpAfterItsWait() {
        RequestBulkhead bulkhead = new RequestBulkhead(1, 5, 20);
        assertTrue(bulkhead.enter());
        assertFalse(bulkhead.enter());
        bulkhead.exit();
        assertTrue(bulkhead.enter(), "a freed slot is taken again");
    }
}
