package dev.pacesetter.kernel.internal.modules;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.pacesetter.platform.api.Dimension;
import dev.pacesetter.platform.api.ModuleDescriptor;

/** Parses the {@code Pacesetter-Module: id;name="…";dimension=…} manifest header. */
final class ModuleHeader {

    private ModuleHeader() {
    }

    /** @throws IllegalArgumentException naming what is wrong with the header */
    static ModuleDescriptor parse(String header, String version) {
        String[] parts = header.split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        Map<String, String> attributes = new HashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("attribute '" + parts[i].trim() + "' has no value");
            }
            String value = parts[i].substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            attributes.put(parts[i].substring(0, eq).trim(), value);
        }
        String id = parts[0].trim();
        String name = attributes.getOrDefault("name", id);
        String dimension = attributes.getOrDefault("dimension", Dimension.CUSTOM.name());
        try {
            return new ModuleDescriptor(id, name, Dimension.valueOf(dimension.toUpperCase(Locale.ROOT)), version);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("module id")) {
                throw e;
            }
            throw new IllegalArgumentException("unknown dimension '" + dimension + "'");
        }
    }
}
