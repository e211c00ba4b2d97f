package dev.pacesetter.leads.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pacesetter.leads.internal.importing.ImportColumns;

class ExportRoutesTest {

    @Test
    void anExportImportsAsItIs() {
        ImportColumns.Result result = ImportColumns.of(ExportRoutes.header());
        assertEquals(List.of(), result.problems());
    }
}
