package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
        try (Socket socket = new Socket("127.0.0.1", kernel.http().uri("/").getPort())) {
            // sent synchronously on a raw socket, so the request is surely on its way before shutdown begins
            socket.getOutputStream().write(("GET /api/v1/hello/slow?ms=1500 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(300); // the request is now inside the plugin's handler
            CompletableFuture<Long> shutdown = CompletableFuture.supplyAsync(() -> {
                long began = System.nanoTime();
                kernel.stopKernel();
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            }, runnable -> new Thread(runnable, "test-shutdown").start());

            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.contains("\"sleptMs\":1500"), response);
            long tookMs = shutdown.get(10, TimeUnit.SECONDS);
            assertTrue(tookMs >= 900, "shutdown waited for the request in flight (took " + tookMs + " ms)");
        }
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
