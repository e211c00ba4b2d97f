package dev.pacesetter.kernel.internal.bulkhead;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.pacesetter.kernel.internal.config.KernelConfig.BulkheadConfig;

class RequestBulkheadsTest {

    @Test
    void heavyRoutesHaveTheirOwnSmallerLimitWithinTheModulesAndModulesAreApart() {
        RequestBulkheads bulkheads = new RequestBulkheads(new BulkheadConfig(2, 1, 0, Duration.ZERO, 0));
        Optional<Admission> export = bulkheads.admit("leads", true);
        assertTrue(export.isPresent());
        assertTrue(bulkheads.admit("leads", true).isEmpty(), "one heavy request at a time");
        Optional<Admission> read = bulkheads.admit("leads", false);
        assertTrue(read.isPresent(), "a light route still runs beside the export");
        assertTrue(bulkheads.admit("leads", false).isEmpty(), "two requests of leads at once in all");
        assertTrue(bulkheads.admit("pipeline", true).isPresent(), "another module has its own limits");
        export.get().close();
        assertTrue(bulkheads.admit("leads", false).isPresent(), "the export's slots are given back when it ends");
        read.get().close();
    }
}
