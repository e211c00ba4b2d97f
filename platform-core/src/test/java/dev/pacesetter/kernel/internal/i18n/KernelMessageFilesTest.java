package dev.pacesetter.kernel.internal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The kernel's two message files have the same keys, and every key the kernel and the SDK name is in them. */
class KernelMessageFilesTest {

    private static final Path FILES = Path.of("src/main/resources/dev/pacesetter/kernel/internal/i18n");
    /** Javadoc and line comments: examples there are not keys. */
    private static final Pattern COMMENT = Pattern.compile("(?m)^\\s*(/?\\*|//).*$");
    private static final Pattern KEY = Pattern.compile("Message\\.of\\(\"([A-Za-z0-9_.-]+)\"[,)]");

    @Test
    void everyTextExistsInChineseAndEnglish() throws IOException {
        assertEquals(load("messages.properties").stringPropertyNames(), load("messages_en.properties").stringPropertyNames());
        for (String name : new String[] {"messages.properties", "messages_en.properties"}) {
            load(name).forEach((k, v) -> new MessageFormat((String) v));
        }
    }

    @Test
    void everyKeyTheKernelAndTheSdkNameIsInTheFiles() throws IOException {
        Set<String> known = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        for (Path sources : new Path[] {Path.of("src/main/java"), Path.of("../platform-api/src/main/java")}) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = KEY.matcher(COMMENT.matcher(Files.readString(file)).replaceAll(""));
                    while (m.find()) {
                        if (!known.contains(m.group(1))) {
                            missing.add(m.group(1) + " (" + file.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(FILES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
