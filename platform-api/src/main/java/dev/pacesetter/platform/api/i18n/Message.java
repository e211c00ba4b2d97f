package dev.pacesetter.platform.api.i18n;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reference to a text for people: a key in the message files of the bundle that made it, and the
 * arguments of its pattern. It is not rendered when it is made, so it can be stored
 * ({@link #toJson()}, {@link #fromJson(String)}) and rendered later in the language of whoever reads it.
 *
 * <p>Arguments are kept as they round-trip through JSON: text ({@link String}), whole numbers
 * ({@link Long}), decimals ({@link BigDecimal}), {@link Boolean}, or another {@code Message} (rendered in the
 * same language, e.g. a grade's name inside a sentence). Anything else is refused when the message is made,
 * not when it is read back. Immutable and thread-safe.
 */
public final class Message {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,119}");

    private final String key;
    private final List<Object> args;

    private Message(String key, List<Object> args) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a message key is 1-120 letters, digits, '.', '_' or '-': " + key);
        }
        this.key = key;
        this.args = Collections.unmodifiableList(args);
    }

    /**
     * @param key e.g. {@code lead.follow-up.task.title}
     * @param args the pattern's arguments {@code {0}}, {@code {1}} …; {@code null} is kept as an empty text
     * @throws IllegalArgumentException for a malformed key or an argument of another type
     */
    public static Message of(String key, Object... args) {
        List<Object> kept = new ArrayList<>(args.length);
        for (Object arg : args) {
            kept.add(normalise(arg));
        }
        return new Message(key, kept);
    }

    /** The message written by {@link #toJson()}. @throws IllegalArgumentException if {@code json} is not one */
    public static Message fromJson(String json) {
        return MessageJson.parse(json);
    }

    static Message of(String key, List<Object> normalisedArgs) {
        return new Message(key, new ArrayList<>(normalisedArgs));
    }

    public String key() {
        return key;
    }

    /** The arguments, normalised to the types listed in the class description. */
    public List<Object> args() {
        return args;
    }

    /** A compact JSON form, e.g. {@code {"key":"lead.sla.title","args":["王芳",24]}}, to store and read back. */
    public String toJson() {
        return MessageJson.write(this);
    }

    private static Object normalise(Object arg) {
        if (arg == null) {
            return "";
        }
        if (arg instanceof CharSequence text) {
            return text.toString();
        }
        if (arg instanceof Long || arg instanceof Boolean || arg instanceof Message || arg instanceof BigDecimal) {
            return arg;
        }
        if (arg instanceof Integer || arg instanceof Short || arg instanceof Byte) {
            return ((Number) arg).longValue();
        }
        if (arg instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (arg instanceof Double || arg instanceof Float) {
            return new BigDecimal(arg.toString());
        }
        throw new IllegalArgumentException("a message argument is text, a number, a boolean or a Message, not " + arg.getClass().getName());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Message m && m.key.equals(key) && m.args.equals(args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, args);
    }

    /** The key and arguments, for logs: never a rendered text. */
    @Override
    public String toString() {
        return args.isEmpty() ? key : key + args;
    }
}
