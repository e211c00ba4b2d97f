package dev.pacesetter.distribution.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** {@code docs/events.md} is the catalogue the api packages describe, and every published topic is in it. */
class EventCatalogueTest {

    @Test
    void everyTopicConstantHasAPayloadInTheCatalogue() throws Exception {
        Set<String> declared = new TreeSet<>();
        for (Class<?> topics : List.of(EventCatalogue.load("dev.pacesetter.leads.api.LeadTopics"),
                EventCatalogue.load("dev.pacesetter.pipeline.api.PipelineTopics"), dev.pacesetter.platform.api.org.OrgTopics.class)) {
            for (Field field : topics.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    declared.add((String) field.get(null));
                }
            }
        }
        Set<String> catalogued = EventCatalogue.entries().stream().map(EventCatalogue.Entry::topic).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, catalogued, "every topic constant is annotated on its payload type (@EventPayload), and only those");
    }

    @Test
    void docsEventsMdIsUpToDate() throws IOException {
        String generated = EventCatalogue.markdown(EventCatalogue.entries());
        Path file = docs().resolve("events.md");
        if (Boolean.getBoolean("pacesetter.catalogue.write")) {
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), file + " is missing: run this test with -Dpacesetter.catalogue.write=true");
        assertEquals(generated, Files.readString(file, StandardCharsets.UTF_8),
                "docs/events.md is out of date: run EventCatalogueTest with -Dpacesetter.catalogue.write=true and commit the result");
    }

    private static Path docs() {
        return EventCatalogue.root().resolve("docs");
    }
}
