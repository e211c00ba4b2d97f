package dev.pacesetter.kernel.internal.gateway;

/** The route table currently served; replaced as a whole, read without locks. */
public final class LiveRouteTable {

    private volatile RouteTable current = RouteTable.EMPTY;

    RouteTable current() {
        return current;
    }

    void publish(RouteTable table) {
        current = table;
    }
}
