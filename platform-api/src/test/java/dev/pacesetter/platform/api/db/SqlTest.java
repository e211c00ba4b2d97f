package dev.pacesetter.platform.api.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SqlTest {

    @Test
    void keepsValuesOutOfTheTextAndCountsPlaceholders() {
        Sql sql = Sql.of("SELECT * FROM t WHERE name = ?", "x' OR '1'='1");
        assertEquals("SELECT * FROM t WHERE name = ?", sql.text());
        assertEquals(List.of("x' OR '1'='1"), sql.params());
        assertThrows(IllegalArgumentException.class, () -> Sql.of("SELECT * FROM t WHERE a = ? AND b = ?", 1));
        assertEquals(0, Sql.of("SELECT '?' FROM t").params().size(), "a ? inside a string literal is no placeholder");
    }

    @Test
    void conditionsComposeWithThePrecedenceTheyReadWith() {
        Sql either = Sql.of("a = ?", 1).or(Sql.of("b = ?", 2));
        Sql query = Sql.of("SELECT * FROM t WHERE t.id = ?", 9).and(either).append("ORDER BY t.id LIMIT ?", 10);
        assertEquals("SELECT * FROM t WHERE t.id = ? AND (((a = ?) OR (b = ?))) ORDER BY t.id LIMIT ?", query.text());
        assertEquals(List.of(9, 1, 2, 10), query.params());
        assertEquals("SELECT * FROM t WHERE (1 = 1)", Sql.of("SELECT * FROM t").where(Sql.alwaysTrue()).text());
    }

    @Test
    void inListsBindEveryValueAndAnEmptyListMatchesNothing() {
        Sql in = Sql.in("t.region_id", List.of(3L, 4L));
        assertEquals("t.region_id IN (?, ?)", in.text());
        assertEquals(List.of(3L, 4L), in.params());
        assertEquals(Sql.alwaysFalse().text(), Sql.in("t.region_id", Set.of()).text());
    }

    @Test
    void columnNamesCannotCarrySql() {
        assertEquals("l.owner_id", Sql.column("l.owner_id"));
        for (String evil : List.of("owner_id; DROP TABLE x", "owner_id OR 1=1", "a.b.c", "", "1col")) {
            assertThrows(IllegalArgumentException.class, () -> Sql.in(evil, List.of(1)), evil);
        }
    }
}
