package dev.pacesetter.kernel;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.kernel.internal.config.ConfigException;
import dev.pacesetter.kernel.internal.config.ConfigLoader;
import dev.pacesetter.kernel.internal.config.KernelConfig;
import dev.pacesetter.kernel.internal.launch.Kernel;

/** Command-line entry point: {@code bin/pacesetter [--port 7070] [--jdbc-url …]}. Exit 2 for bad configuration, 1 for a failed start. */
public final class Pacesetter {

    private Pacesetter() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(ConfigLoader.usage());
            return;
        }
        KernelConfig config;
        try {
            config = new ConfigLoader(System.getenv(), System.getProperties()).load(args);
        } catch (ConfigException e) {
            System.err.println("pacesetter: " + e.getMessage());
            System.exit(2);
            return;
        }
        Logger log = LoggerFactory.getLogger(Pacesetter.class);
        Kernel kernel;
        try {
            kernel = Kernel.start(config);
        } catch (ConfigException e) {
            log.error("Pacesetter could not start: {}", e.getMessage());
            System.exit(1);
            return;
        } catch (Exception e) {
            log.error("Pacesetter could not start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kernel.close();
            flushLogs();
        }, "pacesetter-shutdown"));
        try {
            kernel.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kernel.close();
        flushLogs();
    }

    /** Stopping the logging context writes out whatever appenders still buffer. */
    private static void flushLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.stop();
        }
    }
}
