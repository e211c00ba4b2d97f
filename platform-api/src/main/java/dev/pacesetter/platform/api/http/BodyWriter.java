package dev.pacesetter.platform.api.http;

import java.io.IOException;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Writes a non-JSON response body straight to the client ({@link Reply#stream(String, BodyWriter)}): exports,
 * reports, downloads that should not be built in memory first.
 */
@ConsumerType
@FunctionalInterface
public interface BodyWriter {

    /**
     * Writes the body. The gateway closes {@code out} afterwards. If this throws before anything reached
     * the client the caller gets the usual JSON error; after that the connection is cut so that the client
     * sees a truncated transfer rather than a complete-looking file.
     */
    void writeTo(OutputStream out) throws IOException;
}
