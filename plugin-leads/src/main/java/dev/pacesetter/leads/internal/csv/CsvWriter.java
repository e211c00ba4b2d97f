package dev.pacesetter.leads.internal.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV (CRLF line ends, fields quoted when they contain a comma, quote or line break) that is safe
 * to open in a spreadsheet: a cell that would start a formula ({@code = + - @}, tab or carriage return, or their
 * full-width forms) gets a leading apostrophe, as OWASP recommends against CSV injection, so that Excel, LibreOffice
 * and Google Sheets show it as text instead of evaluating it.
 */
public final class CsvWriter {

    /** The UTF-8 byte order mark as a character: spreadsheets need it to read the file as UTF-8 (Chinese names). */
    public static final char BOM = '\uFEFF';

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    public void row(String... cells) throws IOException {
        row(List.of(cells));
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** One cell, neutralised against formula injection and quoted as needed; {@code null} is empty. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = startsFormula(value) ? "'" + value : value;
        boolean quote = false;
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** Whether a spreadsheet would read {@code value} as a formula (or the start of a DDE payload). */
    public static boolean startsFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }

    /**
     * Undoes {@link #cell}'s apostrophe on import, so that an exported file imports unchanged: {@code '+86 138…}
     * reads as {@code +86 138…}. Other leading apostrophes stay.
     */
    public static String unguard(String value) {
        if (value.length() > 1 && value.charAt(0) == '\'' && startsFormula(value.substring(1))) {
            return value.substring(1);
        }
        return value;
    }
}
