package dev.pacesetter.kernel.internal.config;

/** A configuration value the kernel cannot use; the message names the key, the value and where it came from. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
