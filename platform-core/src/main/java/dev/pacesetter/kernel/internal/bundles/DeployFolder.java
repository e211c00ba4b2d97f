package dev.pacesetter.kernel.internal.bundles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The hot-deploy folder as a boundary: every file the bundle routes write, replace or delete must be a
 * direct child of it, checked on real paths (symbolic links resolved), so that no name — whatever a
 * jar's manifest says — writes into the installation's bundles/, lib/, the home folder or elsewhere.
 */
final class DeployFolder {

    /** A file outside the folder was about to be written; the message is for the log, never the client. */
    static final class OutsideDeployFolder extends IOException {
        OutsideDeployFolder(String message) {
            super(message);
        }
    }

    private final Path folder;

    DeployFolder(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    Path path() {
        return folder;
    }

    /** Creates the folder if needed and returns its real path. */
    Path realPath() throws IOException {
        Files.createDirectories(folder);
        return folder.toRealPath();
    }

    /** Where the jar of a bundle goes: {@code deploy/<symbolic-name>.jar}, checked to stay inside. */
    Path jarOf(SymbolicName name) throws IOException {
        return inside(realPath().resolve(name.fileName()));
    }

    /**
     * {@code file} itself when it is a direct child of the folder (by its real location if it exists: a
     * symbolic link in deploy/ pointing elsewhere does not count); otherwise {@link OutsideDeployFolder}.
     */
    Path inside(Path file) throws IOException {
        Path real = realPath();
        Path normal = file.toAbsolutePath().normalize();
        if (!normal.startsWith(real) && normal.startsWith(folder)) {
            normal = real.resolve(folder.relativize(normal)).normalize(); // the configured spelling of a linked folder
        }
        if (!real.equals(normal.getParent())) {
            throw new OutsideDeployFolder(file + " is not directly inside " + real);
        }
        if (Files.isSymbolicLink(normal) || (Files.exists(normal, LinkOption.NOFOLLOW_LINKS) && !normal.toRealPath().getParent().equals(real))) {
            throw new OutsideDeployFolder(file + " is a link out of " + real);
        }
        return normal;
    }
}
