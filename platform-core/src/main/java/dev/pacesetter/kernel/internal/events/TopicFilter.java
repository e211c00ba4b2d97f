package dev.pacesetter.kernel.internal.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.events.OutgoingEvent;

/**
 * A subscriber's topics: exact ({@code leads/lead.converted}), a module's ({@code leads/*}) or all
 * ({@code *}). Public for the webhooks, which subscribe URLs with the same patterns.
 */
public final class TopicFilter {

    private final boolean all;
    private final Set<String> exact = new TreeSet<>();
    private final Set<String> modules = new TreeSet<>();

    /** @throws IllegalArgumentException naming the first entry that is not a topic or pattern, or if there are none */
    public TopicFilter(Set<String> topics) {
        boolean any = false;
        for (String topic : topics) {
            if (topic.equals("*")) {
                any = true;
            } else if (topic.endsWith("/*") && topic.substring(0, topic.length() - 2).matches("[a-z][a-z0-9-]{0,39}")) {
                modules.add(topic.substring(0, topic.length() - 1));
            } else if (OutgoingEvent.TOPIC.matcher(topic).matches()) {
                exact.add(topic);
            } else {
                throw new IllegalArgumentException("not a topic or pattern: '" + topic + "' (use leads/lead.converted, leads/* or *)");
            }
        }
        this.all = any;
        if (!all && exact.isEmpty() && modules.isEmpty()) {
            throw new IllegalArgumentException("a subscriber must name at least one topic");
        }
    }

    public boolean matches(String topic) {
        return all || exact.contains(topic) || modules.stream().anyMatch(topic::startsWith);
    }

    /** The same filter as a SQL condition on {@code column}. */
    Sql condition(String column) {
        if (all) {
            return Sql.alwaysTrue();
        }
        List<Sql> parts = new ArrayList<>();
        if (!exact.isEmpty()) {
            parts.add(Sql.in(column, exact));
        }
        // module names hold no LIKE wildcards (letters, digits, dashes), so the prefix needs no escaping
        modules.forEach(prefix -> parts.add(Sql.of(Sql.column(column) + " LIKE ?", prefix + "%")));
        Sql condition = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            condition = condition.or(parts.get(i));
        }
        return condition;
    }
}
