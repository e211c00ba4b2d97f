package dev.pacesetter.platform.api.http;

/** The HTTP methods a route can answer. */
public enum HttpMethod {
    GET(false), POST(true), PUT(true), PATCH(true), DELETE(false);

    private final boolean carriesBody;

    HttpMethod(boolean carriesBody) {
        this.carriesBody = carriesBody;
    }

    /** Whether requests with this method are expected to carry a JSON body. */
    public boolean carriesBody() {
        return carriesBody;
    }
}
