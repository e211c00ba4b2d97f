package dev.pacesetter.platform.api.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;


/**
 * Renders a message as the platform does, for tests: the plugin's files first, then the kernel's (read from the
 * platform-core sources of this checkout, relative to a plugin module), falling back to Chinese. Shared with the
 * plugins' tests as platform-api's test-jar.
 */
public final class TestTexts {

    static final Path KERNEL = kernelMessages();

    /** The kernel's message files in this source tree, found from whichever module's folder the tests run in. */
    private static Path kernelMessages() {
        Path relative = Path.of("platform-core/src/main/resources/dev/pacesetter/kernel/internal/i18n");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("no " + relative + " above " + Path.of("").toAbsolutePath());
    }

    private TestTexts() {
    }

    public static String render(Message message, Language language) {
        String pattern = pattern(message.key(), language);
        Object[] args = message.args().stream().map(a -> a instanceof Message m ? render(m, language) : a).toArray();
        return new MessageFormat(pattern, language.locale()).format(args);
    }

    public static Properties plugin(String name) {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("OSGI-INF/l10n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    public static Properties kernel(String name) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(KERNEL.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    private static String pattern(String key, Language language) {
        String suffix = language == Language.EN ? "messages_en.properties" : "messages.properties";
        for (Properties p : new Properties[] {plugin(suffix), kernel(suffix), plugin("messages.properties"), kernel("messages.properties")}) {
            if (p.getProperty(key) != null) {
                return p.getProperty(key);
            }
        }
        throw new AssertionError("no message " + key);
    }
}
