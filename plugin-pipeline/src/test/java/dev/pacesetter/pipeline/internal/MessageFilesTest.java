package dev.pacesetter.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.pacesetter.pipeline.api.Stage;
import dev.pacesetter.pipeline.api.Tier;
import dev.pacesetter.platform.api.i18n.TestTexts;

class MessageFilesTest {

    @Test
    void everyTextExistsInChineseAndEnglish() throws Exception {
        Set<String> chinese = keys("messages.properties");
        assertEquals(chinese, keys("messages_en.properties"));
        for (Stage stage : Stage.values()) {
            assertNotNull(chinese.contains("stage." + stage.name()) ? stage : null, "stage." + stage.name());
        }
        for (Tier tier : Tier.values()) {
            assertNotNull(chinese.contains("tier." + tier.name()) ? tier : null, "tier." + tier.name());
        }
    }

    @Test
    void everyKeyTheCodeNamesIsInTheFiles() throws Exception {
        Set<String> known = new TreeSet<>(keys("messages.properties"));
        known.addAll(TestTexts.kernel("messages.properties").stringPropertyNames());
        Pattern comment = Pattern.compile("(?m)^\\s*(/?\\*|//).*$");
        Pattern key = Pattern.compile("Message\\.of\\(\"([A-Za-z0-9_.-]+)\"[,)]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(comment.matcher(Files.readString(file)).replaceAll(""));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(m.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
        for (String name : new String[] {"messages.properties", "messages_en.properties"}) {
            TestTexts.plugin(name).forEach((k, v) -> new java.text.MessageFormat((String) v));
        }
    }

    private static Set<String> keys(String name) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = MessageFilesTest.class.getResourceAsStream("/OSGI-INF/l10n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
