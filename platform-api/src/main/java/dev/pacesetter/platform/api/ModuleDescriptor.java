package dev.pacesetter.platform.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a module is: id, display name, dimension and version.
 *
 * <p>Immutable value. The kernel builds it from the {@value #MANIFEST_HEADER} header that
 * {@link PacesetterModule} generates, and takes the version from the bundle.
 *
 * @param id stable id, matching {@code [a-z][a-z0-9-]{0,39}}
 * @param name display name
 * @param dimension strategy dimension
 * @param version module (bundle) version, e.g. {@code 1.2.0}
 */
public record ModuleDescriptor(String id, String name, Dimension dimension, String version) {

    /** The bundle manifest header that declares a module. */
    public static final String MANIFEST_HEADER = "Pacesetter-Module";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    /**
     * @throws IllegalArgumentException if the id is not a valid module id or a part is missing
     */
    public ModuleDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(version, "version");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("module id '" + id + "' must match " + ID.pattern());
        }
    }
}
