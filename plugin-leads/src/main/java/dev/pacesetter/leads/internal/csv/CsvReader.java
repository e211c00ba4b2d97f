package dev.pacesetter.leads.internal.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.pacesetter.platform.api.i18n.Message;

/**
 * A strict, streaming RFC 4180 reader: comma-separated, fields optionally enclosed in double quotes (a quote
 * inside is doubled), records end with CRLF, LF or CR, and a quoted field may span lines. One record is in memory
 * at a time. Anything else is refused with the line it was found on rather than guessed at: a quote inside an
 * unquoted field, text after a closing quote, a quoted field that never ends, a field longer than the limit (which
 * is what an unclosed quote looks like in a large file), invalid UTF-8. A byte order mark at the start is skipped;
 * empty lines are skipped.
 */
public final class CsvReader implements AutoCloseable {

    private static final char QUOTE = '"';
    private static final char COMMA = ',';
    private static final int EOF = -1;

    private final Reader in;
    private final int maxFieldLength;
    private final int maxFields;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    /** The physical line the next character is on. */
    private long line = 1;
    /** The physical line the last record returned started on. */
    private long recordLine;
    private boolean started;
    private final StringBuilder field = new StringBuilder(64);

    public CsvReader(Reader in, int maxFieldLength, int maxFields) {
        this.in = in;
        this.maxFieldLength = maxFieldLength;
        this.maxFields = maxFields;
    }

    /** Reads UTF-8 strictly: malformed bytes fail the file instead of turning into replacement characters. */
    public static CsvReader utf8(InputStream bytes, int maxFieldLength, int maxFields) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new CsvReader(new InputStreamReader(bytes, decoder), maxFieldLength, maxFields);
    }

    /** The line (1-based) on which the record last returned by {@link #next()} started. */
    public long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or {@code null} at the end of the file. */
    public List<String> next() throws IOException, CsvFormatException {
        if (!started) {
            started = true;
            if (peek() == '\uFEFF') {
                position++;
            }
        }
        int c = peek();
        while (c == '\r' || c == '\n') { // empty lines
            endOfLine();
            c = peek();
        }
        if (c == EOF) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            if (fields.size() >= maxFields) {
                throw new CsvFormatException(line, "more than " + maxFields + " fields in one record", Message.of("csv.too-many-fields", maxFields));
            }
            c = peek();
            boolean last;
            if (c == QUOTE) {
                position++;
                last = quoted();
            } else {
                last = unquoted();
            }
            fields.add(field.toString());
            field.setLength(0);
            if (last) {
                return fields;
            }
        }
    }

    /** Reads an unquoted field up to a comma (returns false) or the end of the line or file (returns true). */
    private boolean unquoted() throws IOException, CsvFormatException {
        while (true) {
            if (position == limit && !fill()) {
                return true;
            }
            char c = buffer[position];
            if (c == COMMA) {
                position++;
                return false;
            }
            if (c == '\r' || c == '\n') {
                endOfLine();
                return true;
            }
            if (c == QUOTE) {
                throw new CsvFormatException(line, "a quote inside an unquoted field; enclose the whole field in quotes and double the quote",
                        Message.of("csv.stray-quote"));
            }
            append(c);
            position++;
        }
    }

    /** Reads a quoted field after its opening quote; then a comma (false) or the end of the line or file (true). */
    private boolean quoted() throws IOException, CsvFormatException {
        long startLine = line;
        while (true) {
            if (position == limit && !fill()) {
                throw new CsvFormatException(startLine, "a quoted field starting on this line never ends (a missing closing quote)",
                        Message.of("csv.unclosed-quote"));
            }
            char c = buffer[position++];
            if (c == QUOTE) {
                int next = peek();
                if (next == QUOTE) {
                    append(QUOTE);
                    position++;
                    continue;
                }
                if (next == COMMA) {
                    position++;
                    return false;
                }
                if (next == '\r' || next == '\n') {
                    endOfLine();
                    return true;
                }
                if (next == EOF) {
                    return true;
                }
                throw new CsvFormatException(line, "text after the closing quote of a field; a quote inside a quoted field must be doubled",
                        Message.of("csv.text-after-quote"));
            }
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
            }
            append(c);
        }
    }

    private void append(char c) throws CsvFormatException {
        if (field.length() >= maxFieldLength) {
            throw new CsvFormatException(recordLine, "a field longer than " + maxFieldLength + " characters (is a closing quote missing?)",
                    Message.of("csv.field-too-long", maxFieldLength));
        }
        field.append(c);
    }

    /** Consumes CR, LF or CRLF at the current position. */
    private void endOfLine() throws IOException, CsvFormatException {
        if (buffer[position++] == '\r' && peek() == '\n') {
            position++;
        }
        line++;
    }

    private int peek() throws IOException, CsvFormatException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException, CsvFormatException {
        try {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (CharacterCodingException e) {
            throw new CsvFormatException(line, "the file is not UTF-8 (save it as \"CSV UTF-8\")", Message.of("csv.not-utf8"));
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
