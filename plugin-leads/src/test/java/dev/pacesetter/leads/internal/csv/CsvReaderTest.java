package dev.pacesetter.leads.internal.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<List<String>> read(String text) throws Exception {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<List<String>> read(byte[] bytes) throws Exception {
        List<List<String>> records = new ArrayList<>();
        try (CsvReader reader = CsvReader.utf8(new ByteArrayInputStream(bytes), 100, 50)) {
            for (List<String> r; (r = reader.next()) != null;) {
                records.add(r);
            }
        }
        return records;
    }

    @Test
    void readsPlainAndQuotedFieldsWithAnyLineEnd() throws Exception {
        List<List<String>> records = read("a,b,c\r\n1,\"two, with comma\",\"say \"\"hi\"\"\"\n\"multi\nline\",,\r\nlast,x,\"\"");
        assertEquals(List.of("a", "b", "c"), records.get(0));
        assertEquals(List.of("1", "two, with comma", "say \"hi\""), records.get(1));
        assertEquals(List.of("multi\nline", "", ""), records.get(2));
        assertEquals(List.of("last", "x", ""), records.get(3));
        assertEquals(4, records.size());
    }

    @Test
    void skipsTheByteOrderMarkAndEmptyLines() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "personName,phone\n\n张伟,13800138000\n\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        List<List<String>> records = read(all);
        assertEquals(List.of("personName", "phone"), records.get(0), "no BOM glued to the first header");
        assertEquals(List.of("张伟", "13800138000"), records.get(1));
        assertEquals(2, records.size());
        assertEquals("a", read("\uFEFFa").get(0).get(0));
    }

    @Test
    void tellsTheLineOfEachRecordAcrossQuotedLineBreaks() throws Exception {
        try (CsvReader reader = new CsvReader(new StringReader("h\n\"a\nb\"\nc\r\n"), 100, 10)) {
            reader.next();
            assertEquals(1, reader.recordLine());
            reader.next();
            assertEquals(2, reader.recordLine());
            reader.next();
            assertEquals(4, reader.recordLine());
            assertNull(reader.next());
        }
    }

    @Test
    void refusesAnUnclosedQuoteNamingTheLineWhereItStarts() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read("h1,h2\nok,1\n\"broken,2\nmore,3\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("never ends"), e.getMessage());
    }

    @Test
    void refusesAQuoteInsideAnUnquotedFieldAndTextAfterAClosingQuote() {
        assertEquals(2, assertThrows(CsvFormatException.class, () -> read("h\nab\"c\n")).line());
        assertEquals(2, assertThrows(CsvFormatException.class, () -> read("h,i\n\"ab\"c,d\n")).line());
    }

    @Test
    void refusesAFieldLongerThanTheLimitAndTooManyFields() {
        assertThrows(CsvFormatException.class, () -> read("h\n\"" + "x".repeat(200) + "\"\n"));
        assertThrows(CsvFormatException.class, () -> read(",".repeat(60)));
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] gbk = {'h', '\n', (byte) 0xD5, (byte) 0xC5, '\n'};
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read(gbk));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void writesWhatItReads() throws IOException, Exception {
        String cell = "He said \"hi\",\nthen left";
        assertEquals(List.of(List.of(cell, "plain")), read(CsvWriter.cell(cell) + "," + CsvWriter.cell("plain")));
    }
}
