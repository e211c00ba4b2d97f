package dev.pacesetter.kernel.internal.gateway;

import java.util.List;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Drops method-override headers before Javalin sees them: Javalin routes by {@code X-HTTP-Method-Override}
 * when present, so a GET — which proxies, caches and CSRF defences treat as safe — could run as a POST.
 * The method a request is handled with is the one on its request line, always.
 */
final class MethodOverrideStripper extends Handler.Wrapper {

    static final List<String> OVERRIDE_HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields headers = request.getHeaders();
        if (OVERRIDE_HEADERS.stream().noneMatch(headers::contains)) {
            return super.handle(request, response, callback);
        }
        HttpFields.Mutable stripped = HttpFields.build(headers);
        OVERRIDE_HEADERS.forEach(stripped::remove);
        HttpFields without = stripped.asImmutable();
        return super.handle(new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return without;
            }
        }, response, callback);
    }
}
