package dev.pacesetter.kernel.internal.bundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployFolderTest {

    @TempDir
    Path home;

    @Test
    void aBundlesJarLiesDirectlyInsideTheFolder() throws IOException {
        DeployFolder deploy = new DeployFolder(home.resolve("deploy"));
        Path jar = deploy.jarOf(new SymbolicName("dev.pacesetter.leads"));
        assertEquals(home.resolve("deploy").toRealPath().resolve("dev.pacesetter.leads.jar"), jar);
        assertEquals(jar, deploy.inside(home.resolve("deploy/./dev.pacesetter.leads.jar")));
    }

    @Test
    void anythingOutsideOrBelowOrLinkedOutIsRefused() throws IOException {
        DeployFolder deploy = new DeployFolder(home.resolve("deploy"));
        Path real = deploy.realPath();
        for (Path outside : new Path[] {home.resolve("x.jar"), real.resolve("../x.jar"), real.resolve("../../dist/bundles/evil.jar"),
                Path.of("/tmp/x.jar"), real.resolve("sub/x.jar"), real}) {
            assertThrows(DeployFolder.OutsideDeployFolder.class, () -> deploy.inside(outside), outside.toString());
        }
        Files.createDirectories(home.resolve("bundles"));
        Files.createSymbolicLink(real.resolve("linked.jar"), home.resolve("bundles/linked.jar"));
        assertThrows(DeployFolder.OutsideDeployFolder.class, () -> deploy.jarOf(new SymbolicName("linked")));
    }

    @Test
    void aDeployFolderThatIsItselfALinkStillWorks() throws IOException {
        Path target = Files.createDirectories(home.resolve("elsewhere"));
        Files.createSymbolicLink(home.resolve("deploy"), target);
        DeployFolder deploy = new DeployFolder(home.resolve("deploy"));
        assertEquals(target.toRealPath().resolve("p.jar"), deploy.jarOf(new SymbolicName("p")));
        assertEquals(target.toRealPath().resolve("p.jar"), deploy.inside(home.resolve("deploy/p.jar")));
    }
}
