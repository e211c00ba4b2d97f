package dev.pacesetter.kernel.internal.modules;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One module as {@code GET /api/v1/modules} reports it; {@code enabledRegions} is {@code "all"} or the
 * codes of the regions the module is switched on for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleStatus(String id, String name, String dimension, String version, ModuleState state, String reason,
        BundleInfo bundle, Set<String> resources, String schemaVersion, List<String> warnings, Object enabledRegions) {

    /** The bundle behind the module. */
    public record BundleInfo(long id, String symbolicName, String state) {
    }
}
