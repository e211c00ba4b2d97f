package dev.pacesetter.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.pacesetter.pipeline.api.Stage;
import dev.pacesetter.pipeline.api.Tier;

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

    private static Set<String> keys(String name) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = MessageFilesTest.class.getResourceAsStream("/OSGI-INF/l10n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
