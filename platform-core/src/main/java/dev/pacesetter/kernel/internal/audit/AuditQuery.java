package dev.pacesetter.kernel.internal.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Filters of {@code GET /api/v1/audit}; every one optional. Newest first, paged by id.
 *
 * @param username who made the change
 * @param module the module that owns the resource
 * @param resource the top-level resource
 * @param recordId one record
 * @param from changes at or after this instant
 * @param to changes before this instant
 * @param before cursor: rows with a smaller id than this
 * @param limit page size
 */
record AuditQuery(Optional<String> username, Optional<String> module, Optional<String> resource, Optional<String> recordId,
        Optional<Instant> from, Optional<Instant> to, Optional<Long> before, int limit) {
}
