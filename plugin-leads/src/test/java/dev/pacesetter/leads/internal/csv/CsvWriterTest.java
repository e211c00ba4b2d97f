package dev.pacesetter.leads.internal.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void neutralisesCellsThatASpreadsheetWouldRunAsFormulas() {

        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", CsvWriter.cell("=HYPERLINK(\"http://x\")"));
        assertEquals("'+86 138 0013 8000", CsvWriter.cell("+86 138 0013 8000"));
        assertEquals("'-2+3", CsvWriter.cell("-2+3"));
        assertEquals("'@SUM(A1)", CsvWriter.cell("@SUM(A1)"));
        assertEquals("'\tx", CsvWriter.cell("\tx"));
        assertEquals("\"'\rx\"", CsvWriter.cell("\rx"));
        assertEquals("'＝1+1", CsvWriter.cell("＝1+1"), "full-width equals sign too");
        assertEquals("a=b", CsvWriter.cell("a=b"), "only the first character matters");
        assertEquals("", CsvWriter.cell(null));
    }

    @Test
    void quotesOnlyWhenNeeded() {
        assertEquals("plain", CsvWriter.cell("plain"));
        assertEquals("\"a,b\"", CsvWriter.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvWriter.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvWriter.cell("two\nlines"));
        assertEquals("张伟", CsvWriter.cell("张伟"));
    }

    @Test
    void anImportUndoesTheGuard() {
        assertEquals("+86 138", CsvWriter.unguard("'+86 138"));
        assertEquals("'quoted", CsvWriter.unguard("'quoted"), "other apostrophes are data");
        assertEquals("'", CsvWriter.unguard("'"));
    }

    @Test
    void writesRowsWithCrLf() throws Exception {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        csv.row("row", "field", "message");
        csv.row("2", "email", "is not an e-mail address");
        assertEquals("row,field,message\r\n2,email,is not an e-mail address\r\n", out.toString());
    }
}
