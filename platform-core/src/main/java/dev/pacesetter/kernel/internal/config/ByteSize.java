package dev.pacesetter.kernel.internal.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses sizes such as {@code 1048576}, {@code 512KiB}, {@code 1MiB}. */
final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KIB|KB|MIB|MB)?");

    private ByteSize() {
    }

    static long parse(String text, String what) {
        Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new ConfigException(what + ": '" + text + "' is not a size; write bytes, or a number with KiB or MiB");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        long bytes = switch (unit) {
            case "KIB", "KB" -> n * 1024;
            case "MIB", "MB" -> n * 1024 * 1024;
            default -> n;
        };
        if (bytes < 1) {
            throw new ConfigException(what + ": must be at least 1 byte");
        }
        return bytes;
    }
}
