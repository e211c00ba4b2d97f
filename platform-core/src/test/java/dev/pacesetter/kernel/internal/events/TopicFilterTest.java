package dev.pacesetter.kernel.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TopicFilterTest {

    @Test
    void exactTopicsModulePatternsAndEverything() {
        TopicFilter filter = new TopicFilter(Set.of("leads/lead.converted", "pipeline/*"));
        assertTrue(filter.matches("leads/lead.converted"));
        assertFalse(filter.matches("leads/lead.created"));
        assertTrue(filter.matches("pipeline/opportunity.won"));
        assertFalse(filter.matches("pipelines/x"), "a module pattern is the whole module name");
        assertTrue(new TopicFilter(Set.of("*")).matches("anything/at.all"));
    }

    @Test
    void theSqlConditionBindsTopicsAndPrefixes() {
        var sql = new TopicFilter(Set.of("leads/lead.converted", "pipeline/*")).condition("e.topic");
        assertEquals("((e.topic IN (?)) OR (e.topic LIKE ?))", sql.text());
        assertEquals(List.of("leads/lead.converted", "pipeline/%"), sql.params());
    }

    @Test
    void badTopicsAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> new TopicFilter(Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new TopicFilter(Set.of("Leads/Converted")));
        assertThrows(IllegalArgumentException.class, () -> new TopicFilter(Set.of("leads/%")));
        assertThrows(IllegalArgumentException.class, () -> new TopicFilter(Set.of("le_ads/*")));
    }

    @Test
    void backOffDoublesUpToAMinute() {
        EventTuning tuning = EventTuning.of(Duration.ofMillis(50), Duration.ofSeconds(1));
        assertEquals(Duration.ofSeconds(1), tuning.backoff(1));
        assertEquals(Duration.ofSeconds(8), tuning.backoff(4));
        assertEquals(Duration.ofMinutes(1), tuning.backoff(30));
    }
}
