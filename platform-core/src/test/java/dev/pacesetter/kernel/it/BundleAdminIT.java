package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Plugins installed, updated, stopped, started and removed over REST, as an administrator would. */
class BundleAdminIT {

    static final String JAR = "application/java-archive";

    @Nested
    class OnH2 extends Scenarios {
        OnH2() {
            super(Database.H2);
        }
    }

    @Nested
    class OnPostgres extends Scenarios {
        OnPostgres() {
            super(Database.POSTGRES);
        }
    }

    abstract static class Scenarios extends KernelScenarios {

        Scenarios(Database database) {
            super(database, List.of(), "--bundle-upload-limit=64KiB");
        }

        @Test
        void anUploadedPluginIsInstalledUpdatedStoppedStartedAndRemovedLikeOneInDeploy() throws Exception {
            Http admin = kernel.http();
            Http.Result installed = admin.call("POST", "/api/v1/bundles", JAR, Files.readAllBytes(KernelHarness.fixture("hello-v1")));
            assertEquals(201, installed.status(), installed.body());
            long id = installed.json().path("id").asLong();
            assertEquals("hello", installed.json().path("module").asText());
            assertEquals("deploy", installed.json().path("source").asText());
            assertEquals("/api/v1/bundles/" + id, installed.header("Location"));
            assertTrue(Files.exists(kernel.home().resolve("deploy/dev.pacesetter.fixture.hello.jar")), "it lives in deploy/, like a copied jar");
            assertEquals("ACTIVE", installed.json().path("moduleState").asText());
            Http.Result served = kernel.anonymous().get("/api/v1/hello");
            assertEquals(200, served.status(), "201 means the module's routes are served already: " + served.body());
            assertTrue(served.body().contains("1.0.0"), served.body());

            Http.Result again = admin.call("POST", "/api/v1/bundles", JAR, Files.readAllBytes(KernelHarness.fixture("hello-v1")));
            assertEquals(409, again.status());
            assertEquals(id, again.json().path("error").path("details").path("bundleId").asLong());

            Http.Result updated = admin.call("PUT", "/api/v1/bundles/" + id, JAR, Files.readAllBytes(KernelHarness.fixture("hello-v2")));
            assertEquals(200, updated.status(), updated.body());
            assertEquals("2.0.0", updated.json().path("version").asText());
            Http.Result servedV2 = kernel.anonymous().get("/api/v1/hello");
            assertEquals(200, servedV2.status(), "200 means the new version serves already: " + servedV2.body());
            assertTrue(servedV2.body().contains("2.0.0"), servedV2.body());
            Http.Result other = admin.call("PUT", "/api/v1/bundles/" + id, JAR, Files.readAllBytes(KernelHarness.fixture("broken")));
            assertEquals(422, other.status());
            assertEquals("different_bundle", other.json().path("error").path("code").asText());

            Http.Result stopped = admin.post("/api/v1/bundles/" + id + "/stop", "");
            assertEquals(200, stopped.status(), stopped.body());
            assertEquals("RESOLVED", stopped.json().path("state").asText());
            Thread.sleep(800); // several deploy/ scans: File Install must not start it again behind the administrator's back
            assertEquals("RESOLVED", admin.get("/api/v1/bundles/" + id).json().path("state").asText());
            assertNotEquals(200, kernel.anonymous().get("/api/v1/hello").status());
            assertEquals("ACTIVE", admin.post("/api/v1/bundles/" + id + "/start", "").json().path("state").asText());
            awaitHello(200, "2.0.0");

            assertEquals(204, admin.delete("/api/v1/bundles/" + id).status());
            assertEquals(404, admin.get("/api/v1/bundles/" + id).status());
            assertTrue(Files.notExists(kernel.home().resolve("deploy/dev.pacesetter.fixture.hello.jar")));
            KernelHarness.await(Duration.ofSeconds(10), () -> kernel.anonymous().get("/api/v1/hello").status() == 404, "hello still served");

            List<String> actions = new ArrayList<>();
            admin.get("/api/v1/audit?resource=bundles&limit=20").json().path("items").forEach(row -> actions.add(row.path("action").asText()));
            assertEquals(List.of("uninstall", "start", "stop", "update", "install"), actions);
        }

        @Test
        void aRejectedUploadLeavesTheBundleSetAndDeployFolderUnchanged() throws Exception {
            Http admin = kernel.http();
            String before = bundleSet();
            byte[] hello = Files.readAllBytes(KernelHarness.fixture("hello-v1"));
            byte[] corrupt = hello.clone();
            for (int i = corrupt.length / 3; i < corrupt.length / 3 + 64; i++) {
                corrupt[i] ^= 0x5A;
            }
            List<byte[]> rejected = new ArrayList<>(List.of("just text, not a jar".getBytes(StandardCharsets.UTF_8), plainJar(), corrupt,
                    java.util.Arrays.copyOf(hello, hello.length / 2)));
            // cut inside the central directory and at its very end: the entries all read fine, the archive is still broken
            for (int cut : new int[] {1, 10, 22, 100, 300}) {
                rejected.add(java.util.Arrays.copyOf(hello, hello.length - cut));
            }
            for (byte[] body : rejected) {
                Http.Result result = admin.call("POST", "/api/v1/bundles", JAR, body);
                assertEquals(422, result.status(), result.body());
                assertEquals("not_a_bundle", result.json().path("error").path("code").asText());
            }
            Http.Result tooBig = admin.call("POST", "/api/v1/bundles", JAR, new byte[100 * 1024]);
            assertEquals(413, tooBig.status());
            assertEquals(415, admin.post("/api/v1/bundles", "{}").status());
            assertEquals(422, admin.call("POST", "/api/v1/bundles", JAR, new byte[0]).status(), "an empty body is no bundle");
            Thread.sleep(500);
            assertEquals(before, bundleSet(), "no bundle was installed");
            try (Stream<Path> left = Files.list(kernel.home().resolve("deploy"))) {
                assertEquals(List.of(), left.toList(), "no file is left behind in deploy/");
            }
        }

        @Test
        void aSymbolicNameThatIsAPathIsRefusedAndNothingIsWrittenAnywhere() throws Exception {
            Http admin = kernel.http();
            String before = bundleSet();
            Path home = kernel.home();
            List<Path> watched = List.of(home.getParent(), home, home.resolve("bundles"), home.resolve("deploy"), home.resolve("data"),
                    Path.of(System.getProperty("java.io.tmpdir")));
            List<String> filesBefore = listing(watched);
            for (String name : List.of("../../x", "../x", "/tmp/pacesetter-evil", home.resolve("bundles/evil").toString(), "../../dist/bundles/evil",
                    "../bundles/evil", "a/b", "..", "evil\\..\\x", "nul\u0000byte", "名字")) {
                Http.Result result = admin.call("POST", "/api/v1/bundles", JAR, bundleNamed(name));
                assertEquals(422, result.status(), name + ": " + result.body());
                assertEquals("invalid_symbolic_name", result.json().path("error").path("code").asText(), name);
                assertFalse(result.body().contains("Exception"), result.body());
            }
            Thread.sleep(300);
            assertEquals(before, bundleSet(), "no bundle was installed");
            assertEquals(filesBefore, listing(watched), "no file appeared in or around the home");
            try (Stream<Path> left = Files.list(home.resolve("deploy"))) {
                assertEquals(List.of(), left.toList(), "no file is left behind in deploy/");
            }
        }

        List<String> listing(List<Path> folders) throws IOException {
            List<String> names = new ArrayList<>();
            for (Path folder : folders) {
                if (Files.isDirectory(folder)) {
                    try (Stream<Path> files = Files.list(folder)) {
                        files.map(Path::toString).filter(n -> n.contains("evil") || n.endsWith("x.jar") || n.endsWith("b.jar")
                                || n.endsWith("..jar")).sorted().forEach(names::add);
                    }
                }
            }
            return names;
        }

        static byte[] bundleNamed(String symbolicName) throws IOException {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
            manifest.getMainAttributes().putValue("Bundle-Version", "1.0.0");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
                jar.putNextEntry(new JarEntry("readme.txt"));
                jar.write("a bundle with a hostile name".getBytes(StandardCharsets.UTF_8));
            }
            return bytes.toByteArray();
        }

        @Test
        void onlyAdministratorsAdministerBundlesAndThePlatformsOwnCannotBeTouched() {
            Http admin = kernel.http();
            JsonNode bundles = admin.get("/api/v1/bundles").json().path("items");
            long scr = -1;
            for (JsonNode bundle : bundles) {
                if (bundle.path("symbolicName").asText().equals("org.apache.felix.scr")) {
                    scr = bundle.path("id").asLong();
                }
            }
            assertTrue(scr > 0, bundles.toString());
            assertEquals(409, admin.post("/api/v1/bundles/" + scr + "/stop", "").status());
            assertEquals(409, admin.delete("/api/v1/bundles/" + scr).status());
            assertEquals("ACTIVE", admin.get("/api/v1/bundles/" + scr).json().path("state").asText());
            assertEquals(404, admin.get("/api/v1/bundles/987654").status());

            Http.Result user = admin.post("/api/v1/users", "{\"username\":\"integrator\",\"displayName\":\"I\",\"password\":\""
                    + PilotOrganisation.PASSWORD + "\",\"roles\":[\"INTEGRATOR\",\"MANAGER\"]}");
            assertEquals(201, user.status());
            Http integrator = kernel.anonymous().as(kernel.login("integrator", PilotOrganisation.PASSWORD));
            assertEquals(403, integrator.get("/api/v1/bundles").status());
            assertEquals(403, integrator.call("POST", "/api/v1/bundles", JAR, new byte[] {1}).status());
            assertEquals(403, integrator.post("/api/v1/bundles/" + scr + "/stop", "").status());
        }

        String bundleSet() {
            List<String> set = new ArrayList<>();
            kernel.http().get("/api/v1/bundles").json().path("items")
                    .forEach(b -> set.add(b.path("id").asLong() + " " + b.path("symbolicName").asText() + " " + b.path("state").asText()));
            return String.join("\n", set);
        }

        void awaitHello(int status, String version) {
            KernelHarness.await(Duration.ofSeconds(15), () -> {
                Http.Result hello = kernel.anonymous().get("/api/v1/hello");
                return hello.status() == status && hello.body().contains(version);
            }, "hello " + version + " not served");
        }

        static byte[] plainJar() throws IOException {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
                jar.putNextEntry(new JarEntry("readme.txt"));
                jar.write("a library, not a bundle".getBytes(StandardCharsets.UTF_8));
            }
            return bytes.toByteArray();
        }
    }
}
