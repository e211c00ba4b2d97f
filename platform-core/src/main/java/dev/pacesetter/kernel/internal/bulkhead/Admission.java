package dev.pacesetter.kernel.internal.bulkhead;

/** The bulkhead slots one request holds while it runs; closing gives them back. */
public final class Admission implements AutoCloseable {

    /** What a platform route holds: nothing. */
    public static final Admission NONE = new Admission();

    private final RequestBulkhead[] held;

    Admission(RequestBulkhead... held) {
        this.held = held;
    }

    @Override
    public void close() {
        for (RequestBulkhead bulkhead : held) {
            bulkhead.exit();
        }
    }
}
