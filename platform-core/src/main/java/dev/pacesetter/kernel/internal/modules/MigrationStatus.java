package dev.pacesetter.kernel.internal.modules;

/**
 * Where a module's schema migrations stand.
 *
 * @param phase the phase
 * @param schemaVersion the applied schema version once done
 * @param failure why they failed, if they did
 */
public record MigrationStatus(Phase phase, String schemaVersion, String failure) {

    public enum Phase { NONE, RUNNING, DONE, FAILED }

    public static final MigrationStatus NONE = new MigrationStatus(Phase.NONE, null, null);
    public static final MigrationStatus RUNNING = new MigrationStatus(Phase.RUNNING, null, null);

    public static MigrationStatus done(String schemaVersion) {
        return new MigrationStatus(Phase.DONE, schemaVersion, null);
    }

    public static MigrationStatus failed(String failure) {
        return new MigrationStatus(Phase.FAILED, null, failure);
    }
}
