package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SIGTERM semantics: stop taking requests, let those in flight finish (within the bound), then stop. */
class GracefulShutdownIT {

    private KernelHarness kernel;

    @AfterEach
    void cleanUp() throws Exception {
        if (kernel != null) {
            kernel.close();
        }
    }

    @Test
    void aRequestInFlightCompletesWhileTheKernelShutsDown() throws Exception {
        kernel = KernelHarness.start(Database.H2, List.of("hello-v1"));
        CompletableFuture<Http.Result> slow = CompletableFuture.supplyAsync(() -> kernel.http().get("/api/v1/hello/slow?ms=1500"));
        KernelHarness.await(java.time.Duration.ofSeconds(5), () -> kernel.http().get("/api/v1/hello/ping").status() == 200, "not serving");
        Thread.sleep(300); // the slow request is now inside the plugin's handler
        long began = System.nanoTime();
        kernel.stopKernel();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

        Http.Result result = slow.get(10, TimeUnit.SECONDS);
        assertEquals(200, result.status(), result.body());
        assertEquals(1500, result.json().path("sleptMs").asInt());
        assertTrue(tookMs >= 900, "shutdown waited for the request in flight (took " + tookMs + " ms)");
    }

    @Test
    void theDrainIsBoundedSoAHungRequestCannotHoldShutdownForever() throws Exception {
        kernel = KernelHarness.start(Database.H2, List.of("hello-v1"), "--drain-timeout-ms=200");
        CompletableFuture.runAsync(() -> {
            try {
                kernel.http().get("/api/v1/hello/slow?ms=8000");
            } catch (AssertionError expected) {
                // the connection is closed under it
            }
        });
        Thread.sleep(300);
        long began = System.nanoTime();
        kernel.stopKernel();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        assertTrue(tookMs < 6000, "shutdown gave up draining after its bound (took " + tookMs + " ms)");
    }
}
