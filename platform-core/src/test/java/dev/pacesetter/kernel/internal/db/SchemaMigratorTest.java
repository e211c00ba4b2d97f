package dev.pacesetter.kernel.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    @Test
    void aFailedValidationSaysWhatItDetectedNotOnlyThatItFailed() {
        FlywayException validation = new FlywayException("""
                Validate failed: Migrations have failed validation
                Detected failed migration to version 3 (broken).
                Please remove any half-completed changes then run repair to fix the schema history.
                Need more flexibility with validation rules? Learn more: https://rd.gt/3AbJUZE""");
        assertEquals("Detected failed migration to version 3 (broken)", SchemaMigrator.rootMessage(validation));
    }

    @Test
    void aFailedScriptNamesItsFileAndLine() {
        FlywayException failed = new FlywayException("""
                Migration V2__broken.sql failed
                -------------------------------
                SQL State  : 42S02
                Line       : 1
                Statement  : INSERT INTO nowhere VALUES (1)""", new java.sql.SQLException("Table \"NOWHERE\" not found; SQL statement:", "42S02"));
        assertEquals("V2__broken.sql line 1: Table \"NOWHERE\" not found", SchemaMigrator.rootMessage(failed));
    }
}
