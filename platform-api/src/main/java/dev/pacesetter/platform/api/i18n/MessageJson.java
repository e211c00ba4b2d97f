package dev.pacesetter.platform.api.i18n;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a {@link Message}: {@code {"key":"…","args":[…]}}. Hand-written because the SDK carries
 * no JSON library, and the shape is small and fixed.
 */
final class MessageJson {

    private final String text;
    private int at;

    private MessageJson(String text) {
        this.text = text;
    }

    static String write(Message message) {
        StringBuilder out = new StringBuilder();
        write(message, out);
        return out.toString();
    }

    private static void write(Message message, StringBuilder out) {
        out.append("{\"key\":");
        string(message.key(), out);
        out.append(",\"args\":[");
        for (int i = 0; i < message.args().size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object arg = message.args().get(i);
            if (arg instanceof String s) {
                string(s, out);
            } else if (arg instanceof Message m) {
                write(m, out);
            } else if (arg instanceof BigDecimal d) {
                // a decimal keeps its point, so it reads back as a decimal and not as a whole number
                String number = d.scale() > 0 ? d.toPlainString() : d.toString();
                out.append(number.contains(".") || number.contains("E") ? number : number + "E0");
            } else {
                out.append(arg);
            }
        }
        out.append("]}");
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static Message parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("no message JSON");
        }
        MessageJson reader = new MessageJson(json);
        Message message = reader.message();
        reader.space();
        if (reader.at != json.length()) {
            throw reader.error("text after the message");
        }
        return message;
    }

    private Message message() {
        expect('{');
        String key = null;
        List<Object> args = List.of();
        boolean first = true;
        while (true) {
            space();
            if (peek() == '}') {
                at++;
                break;
            }
            if (!first) {
                expect(',');
                space();
            }
            first = false;
            String name = string();
            space();
            expect(':');
            space();
            if (name.equals("key")) {
                key = string();
            } else if (name.equals("args")) {
                args = array();
            } else {
                throw error("unknown member '" + name + "'");
            }
        }
        if (key == null) {
            throw error("no key");
        }
        return Message.of(key, args);
    }

    private List<Object> array() {
        expect('[');
        List<Object> values = new ArrayList<>();
        space();
        if (peek() == ']') {
            at++;
            return values;
        }
        while (true) {
            space();
            values.add(value());
            space();
            char c = next();
            if (c == ']') {
                return values;
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{') {
            return message();
        }
        if (text.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        }
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String number = text.substring(start, at);
        try {
            return number.matches("-?\\d+") ? (Object) Long.valueOf(number) : new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw error("expected a value");
        }
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("short \\u escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> out.append(escaped);
            }
        }
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("not a message at " + at + ": " + what);
    }
}
