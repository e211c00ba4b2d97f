/**
 * The audit trail: every change made through the gateway is recorded, in the same transaction as the
 * change, as an {@link dev.pacesetter.platform.api.audit.AuditRecord}. Administrators read it at
 * {@code GET /api/v1/audit}.
 */
@Export
@Version("1.0.0")
package dev.pacesetter.platform.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
