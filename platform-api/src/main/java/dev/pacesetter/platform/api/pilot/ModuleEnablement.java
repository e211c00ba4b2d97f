package dev.pacesetter.platform.api.pilot;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Which regions each module is switched on for, as administrators set it
 * ({@code PUT /api/v1/modules/{id}/enablement}). A service the kernel registers, one per bundle, bound to that
 * bundle's module; reads are served from memory and reflect a change on this node at once.
 *
 * <p>The gateway already answers 404 for a caller outside the regions; a module's scheduled jobs and
 * alerts must skip those regions themselves:
 * <pre>
 * EnabledRegions on = enablement.enabledRegions();
 * Sql due = Sql.of("SELECT … FROM leads_lead l WHERE l.due_at &lt; ?", now).and(on.ownerIn("l.owner_id"));
 * </pre>
 */
@ProviderType
public interface ModuleEnablement {

    /**
     * The regions the calling bundle's module is on for.
     *
     * @throws IllegalStateException if the bundle declares no {@code Pacesetter-Module}
     * @since 1.1
     */
    EnabledRegions enabledRegions();

    /** The regions {@code moduleId} is on for; none if the module is unknown. */
    EnabledRegions enabledRegions(String moduleId);
}
