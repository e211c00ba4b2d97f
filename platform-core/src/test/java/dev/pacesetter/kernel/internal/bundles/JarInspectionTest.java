package dev.pacesetter.kernel.internal.bundles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarInspectionTest {

    @TempDir
    Path dir;

    @Test
    void aWholeBundleIsRecognised() throws Exception {
        JarInspection.BundleIdentity identity = JarInspection.inspect(write(bundle("dev.example.p;singleton:=true")));
        assertEquals("dev.example.p", identity.symbolicName());
        assertEquals("1.2.3", identity.version().toString());
    }

    @Test
    void aJarCutAnywhereIsNotABundle() throws Exception {
        byte[] whole = bundle("dev.example.p");
        for (int length = 1; length < whole.length; length++) {
            Path cut = write(Arrays.copyOf(whole, length));
            JarInspection.NotABundle refused = assertThrows(JarInspection.NotABundle.class, () -> JarInspection.inspect(cut),
                    "cut at " + length + " of " + whole.length);
            assertEquals("not_a_bundle", refused.code());
        }
    }

    @Test
    void aSymbolicNameThatIsAPathIsRefusedWithItsOwnCode() throws Exception {
        for (String name : new String[] {"../../x", "/tmp/evil", "../../dist/bundles/evil", "a/b", "a\u0000b", ".."}) {
            Path jar = write(bundle(name));
            JarInspection.NotABundle refused = assertThrows(JarInspection.NotABundle.class, () -> JarInspection.inspect(jar), name);
            assertEquals("invalid_symbolic_name", refused.code(), name);
        }
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(dir, "jar", ".jar"), bytes);
    }

    static byte[] bundle(String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.2.3");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (int i = 0; i < 3; i++) {
                jar.putNextEntry(new JarEntry("dev/example/p/C" + i + ".txt"));
                jar.write(("content " + i + " ").repeat(50).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }
}
