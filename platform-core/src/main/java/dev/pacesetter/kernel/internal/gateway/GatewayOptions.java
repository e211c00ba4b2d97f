package dev.pacesetter.kernel.internal.gateway;

import java.util.List;

/**
 * How the gateway listens and what it accepts.
 *
 * @param host bind address
 * @param port port (0 = any free one)
 * @param bodyLimitBytes largest accepted request body
 * @param corsOrigins origins a browser may call the API from (empty: none)
 */
public record GatewayOptions(String host, int port, long bodyLimitBytes, List<String> corsOrigins) {

    public GatewayOptions {
        corsOrigins = List.copyOf(corsOrigins);
    }
}
