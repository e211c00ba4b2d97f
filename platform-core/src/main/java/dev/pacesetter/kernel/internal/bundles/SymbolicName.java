package dev.pacesetter.kernel.internal.bundles;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bundle's symbolic name as the OSGi core specification's grammar allows it
 * ({@code symbolic-name ::= token('.'token)*}, {@code token ::= (alnum|'_'|'-')+}, alnum ASCII). An uploaded
 * jar's name becomes a file name in deploy/, so anything else — a path separator, {@code ..}, a NUL, a
 * drive letter, an empty token, non-ASCII look-alikes — is refused before it can reach the file system.
 */
record SymbolicName(String value) {

    /** Generous for real bundles, short enough for every file system's 255-byte name limit with ".jar". */
    static final int MAX_LENGTH = 200;
    private static final Pattern GRAMMAR = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    SymbolicName {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an OSGi symbolic name");
        }
    }

    /** The symbolic name in a {@code Bundle-SymbolicName} header (directives after ';' dropped), if it is valid. */
    static Optional<SymbolicName> fromHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String name = header.split(";", 2)[0].trim();
        return isValid(name) ? Optional.of(new SymbolicName(name)) : Optional.empty();
    }

    static boolean isValid(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_LENGTH && GRAMMAR.matcher(name).matches();
    }

    /** The file the bundle lives in, in deploy/: the grammar leaves no separator, dot-dot or hidden name to escape with. */
    String fileName() {
        return value + ".jar";
    }

    @Override
    public String toString() {
        return value;
    }
}
