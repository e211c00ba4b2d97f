package dev.pacesetter.leads.internal.csv;

import dev.pacesetter.platform.api.i18n.Message;

/** A file that is not well-formed CSV (or not UTF-8): the whole file is refused, naming the line. */
public final class CsvFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final transient Message reason;

    /** @param message the reason in English, for logs; @param reason the same for people, in their language */
    public CsvFormatException(long line, String message, Message reason) {
        super("line " + line + ": " + message);
        this.line = line;
        this.reason = reason;
    }

    /** "第 4 行：…" / "line 4: …" in the reader's language. */
    public Message text() {
        return Message.of("csv.at-line", line, reason);
    }

    /** The physical line (1-based) where the problem was found. */
    public long line() {
        return line;
    }
}
