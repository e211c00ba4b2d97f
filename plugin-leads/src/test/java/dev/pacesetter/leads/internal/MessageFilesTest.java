package dev.pacesetter.leads.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.pacesetter.leads.internal.domain.TouchKind;
import dev.pacesetter.platform.api.i18n.TestTexts;

class MessageFilesTest {

    /** Javadoc and line comments: examples there are not keys. */
    private static final Pattern COMMENT = Pattern.compile("(?m)^\\s*(/?\\*|//).*$");
    private static final Pattern KEY = Pattern.compile("Message\\.of\\(\"([A-Za-z0-9_.-]+)\"[,)]");

    @Test
    void everyTextExistsInChineseAndEnglish() {
        assertEquals(TestTexts.plugin("messages.properties").stringPropertyNames(), TestTexts.plugin("messages_en.properties").stringPropertyNames());
        for (TouchKind kind : TouchKind.values()) {
            assertTrue(TestTexts.plugin("messages.properties").containsKey("touch.noun." + kind.name()), kind.name());
        }
    }

    @Test
    void everyKeyTheCodeNamesIsInTheFilesAndEveryPatternParses() throws IOException {
        Set<String> known = new TreeSet<>(TestTexts.plugin("messages.properties").stringPropertyNames());
        known.addAll(TestTexts.kernel("messages.properties").stringPropertyNames());
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(COMMENT.matcher(Files.readString(file)).replaceAll(""));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(m.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
        for (String name : new String[] {"messages.properties", "messages_en.properties"}) {
            TestTexts.plugin(name).forEach((k, v) -> new MessageFormat((String) v));
        }
    }
}
