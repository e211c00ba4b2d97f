package dev.pacesetter.kernel.internal.gateway;

import java.util.List;

/** The route table currently served; replaced as a whole, read without locks. */
public final class LiveRouteTable {

    private volatile RouteTable current = RouteTable.EMPTY;

    RouteTable current() {
        return current;
    }

    /** Every route served now, for the API description. */
    public List<ServedRoute> served() {
        return current.entries().stream().map(e -> new ServedRoute(e.moduleId(), e.route())).toList();
    }

    void publish(RouteTable table) {
        current = table;
    }
}
