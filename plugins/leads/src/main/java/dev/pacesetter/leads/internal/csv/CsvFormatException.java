package dev.pacesetter.leads.internal.csv;

/** A file that is not well-formed CSV (or not UTF-8): the whole file is refused, naming the line. */
public final class CsvFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final long line;

    public CsvFormatException(long line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    /** The physical line (1-based) where the problem was found. */
    public long line() {
        return line;
    }
}
