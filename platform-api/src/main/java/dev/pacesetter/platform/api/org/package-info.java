/**
 * The organisation — people, teams, regions, managers, roles — as plugins see it, without the kernel's tables.
 *
 * <ul>
 * <li>{@link dev.pacesetter.platform.api.org.Organisation}: reads on the caller's connection (inside its transaction).</li>
 * <li>Read-only SQL views for joins and scoping, versioned with this package: {@code org_user_v1} (id, username,
 * display_name, team_id, region_id — the team's region, or the user's own when in no team —, manager_id — the team's
 * manager —, active, hire_date, language), {@code org_user_role_v1} (user_id, role), {@code org_team_v1} (id, name,
 * region_id, manager_id), {@code org_region_v1} (id, code, name, manager_id). A change a query could notice gets new
 * view names ({@code _v2}) while the old ones stay for a major version.</li>
 * <li>{@link dev.pacesetter.platform.api.org.OrgTopics}: the platform's events when people move.</li>
 * </ul>
 */
@Export
@Version("1.0.0")
package dev.pacesetter.platform.api.org;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
