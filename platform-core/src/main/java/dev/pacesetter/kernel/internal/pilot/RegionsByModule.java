package dev.pacesetter.kernel.internal.pilot;

import dev.pacesetter.platform.api.pilot.EnabledRegions;

/** The kernel's question to the pilot switchboard: which regions is a given module on for? */
public interface RegionsByModule {

    /** The regions {@code moduleId} is on for; none if the module is unknown. */
    EnabledRegions enabledRegions(String moduleId);
}
