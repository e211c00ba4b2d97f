package dev.pacesetter.kernel.internal.gateway;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A route path such as {@code /leads/{id}/touches}, parsed once into literal and parameter segments.
 * Immutable and thread-safe.
 */
final class PathTemplate implements Comparable<PathTemplate> {

    private final String text;
    private final String[] literals; // null where the segment is a parameter
    private final String[] parameters; // null where the segment is a literal

    private PathTemplate(String text, String[] literals, String[] parameters) {
        this.text = text;
        this.literals = literals;
        this.parameters = parameters;
    }

    /** Parses a template that {@link dev.pacesetter.platform.api.http.Route} has already validated. */
    static PathTemplate parse(String template) {
        String[] parts = template.substring(1).split("/");
        String[] literals = new String[parts.length];
        String[] parameters = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].startsWith("{")) {
                parameters[i] = parts[i].substring(1, parts[i].length() - 1);
            } else {
                literals[i] = parts[i];
            }
        }
        return new PathTemplate(template, literals, parameters);
    }

    /** The path parameters if {@code segments} (decoded, without the {@code /api/v1} prefix) match, else {@code null}. */
    Map<String, String> match(List<String> segments) {
        if (segments.size() != literals.length) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < literals.length; i++) {
            String segment = segments.get(i);
            if (literals[i] != null) {
                if (!literals[i].equals(segment)) {
                    return null;
                }
            } else {
                if (segment.isEmpty()) {
                    return null;
                }
                if (params == null) {
                    params = new HashMap<>(4);
                }
                params.put(parameters[i], segment);
            }
        }
        return params == null ? Collections.emptyMap() : params;
    }

    /** The template with parameter names erased: two routes with the same shape are ambiguous. */
    String shape() {
        List<String> parts = new ArrayList<>(literals.length);
        for (String literal : literals) {
            parts.add(literal == null ? "{}" : literal);
        }
        return "/" + String.join("/", parts);
    }

    boolean declares(String parameter) {
        for (String p : parameters) {
            if (parameter.equals(p)) {
                return true;
            }
        }
        return false;
    }

    /** More specific first: at the first segment where they differ, a literal beats a parameter. */
    @Override
    public int compareTo(PathTemplate other) {
        int n = Math.min(literals.length, other.literals.length);
        for (int i = 0; i < n; i++) {
            boolean mine = literals[i] != null;
            boolean theirs = other.literals[i] != null;
            if (mine != theirs) {
                return mine ? -1 : 1;
            }
        }
        return Integer.compare(literals.length, other.literals.length);
    }

    @Override
    public String toString() {
        return text;
    }
}
