package dev.pacesetter.platform.api.db;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A piece of SQL text with its bind parameters, kept together so that values never end up inside the
 * text. Immutable; {@link #and(Sql)} and {@link #append(String, Object...)} return new instances.
 *
 * <pre>
 * Sql query = Sql.of("SELECT id, title FROM notes_note n WHERE n.id = ?", id)
 *         .and(caller.scope().ownedBy("n.owner_id"));
 * try (PreparedStatement ps = query.prepare(connection); ResultSet rs = ps.executeQuery()) { … }
 * </pre>
 *
 * <p>The text must contain exactly one {@code ?} per parameter; a mismatch is a programming error and
 * fails at once. Parameters may be {@code null}, {@link String}, {@link Long}, {@link Integer},
 * {@link Boolean}, {@link BigDecimal}, {@link Instant} (bound as a timestamp), {@link LocalDate}, or
 * anything else the JDBC driver accepts through {@code setObject}.
 */
public final class Sql {

    private static final Sql TRUE = new Sql("1 = 1", List.of());
    private static final Sql FALSE = new Sql("1 = 0", List.of());

    private final String text;
    private final List<Object> params;

    private Sql(String text, List<Object> params) {
        this.text = text;
        this.params = params;
    }

    /**
     * @throws IllegalArgumentException if the number of {@code ?} in {@code text} differs from the number of parameters
     */
    public static Sql of(String text, Object... params) {
        Objects.requireNonNull(text, "text");
        List<Object> values = new ArrayList<>(params.length);
        for (Object param : params) {
            values.add(param);
        }
        int placeholders = placeholders(text);
        if (placeholders != values.size()) {
            throw new IllegalArgumentException("SQL has " + placeholders + " placeholder(s) but " + values.size() + " parameter(s): " + text);
        }
        return new Sql(text, java.util.Collections.unmodifiableList(values));
    }

    /** A condition that holds for every row. */
    public static Sql alwaysTrue() {
        return TRUE;
    }

    /** A condition that holds for no row. */
    public static Sql alwaysFalse() {
        return FALSE;
    }

    /**
     * {@code column IN (?, ?, …)} over {@code values}; {@link #alwaysFalse()} when there are none.
     *
     * @param column a column reference such as {@code n.owner_id}; checked, never a value
     */
    public static Sql in(String column, Collection<?> values) {
        String checked = column(column);
        if (values.isEmpty()) {
            return FALSE;
        }
        StringBuilder text = new StringBuilder(checked).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            text.append(i == 0 ? "?" : ", ?");
        }
        return of(text.append(')').toString(), values.toArray());
    }

    /** This text followed by {@code WHERE (condition)}, parameters in order. */
    public Sql where(Sql condition) {
        return concat(text + " WHERE (" + condition.text + ")", condition);
    }

    /**
     * {@code this AND (condition)}, parameters in order. {@code this} may be a whole statement ending in
     * a {@code WHERE} clause or a condition; conditions built with {@link #or(Sql)} carry their own
     * parentheses, so precedence is always what it reads like.
     */
    public Sql and(Sql condition) {
        return concat(text + " AND (" + condition.text + ")", condition);
    }

    /** {@code ((this) OR (condition))}, parameters in order; {@code this} must be a condition. */
    public Sql or(Sql condition) {
        return concat("((" + text + ") OR (" + condition.text + "))", condition);
    }

    /** This text followed by {@code more} (with a space), e.g. {@code ORDER BY} or {@code LIMIT ?}. */
    public Sql append(String more, Object... moreParams) {
        Sql tail = of(more, moreParams);
        List<Object> all = new ArrayList<>(params);
        all.addAll(tail.params);
        return new Sql(text + " " + tail.text, java.util.Collections.unmodifiableList(all));
    }

    public String text() {
        return text;
    }

    public List<Object> params() {
        return params;
    }

    /** Prepares the statement and binds every parameter. The caller closes the statement. */
    public PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text);
        try {
            bind(statement, 1);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** Binds the parameters to {@code statement} from position {@code first}; returns the next free position. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object param : params) {
            bindOne(statement, index++, param);
        }
        return index;
    }

    /**
     * Runs this {@code INSERT}, {@code UPDATE} or {@code DELETE} and returns how many rows it changed:
     * <pre>int changed = Sql.of("UPDATE nps_survey SET closed = TRUE WHERE id = ?", id).update(c);</pre>
     *
     * @since 2.2
     */
    public int update(Connection connection) throws SQLException {
        try (PreparedStatement statement = prepare(connection)) {
            return statement.executeUpdate();
        }
    }

    /**
     * Runs this {@code INSERT} and returns the value the database generated for the new row's {@code keyColumn}:
     * <pre>long id = Sql.of("INSERT INTO nps_survey (owner_id, score) VALUES (?, ?)", owner, score).insertReturningKey(c, "id");</pre>
     *
     * @throws SQLException if the insert fails or generates no key
     * @since 2.1
     */
    public long insertReturningKey(Connection connection, String keyColumn) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(text, new String[] {column(keyColumn)})) {
            bind(statement, 1);
            statement.executeUpdate();
            try (java.sql.ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the insert generated no " + keyColumn + ": " + text);
                }
                return keys.getLong(1);
            }
        }
    }

    /**
     * Runs {@code rows} — one statement, each with its own parameters — as one JDBC batch; nothing when empty.
     *
     * @throws IllegalArgumentException if the rows are not all the same statement
     * @since 2.1
     */
    public static void batch(Connection connection, List<Sql> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String statementText = rows.get(0).text;
        try (PreparedStatement statement = connection.prepareStatement(statementText)) {
            for (Sql row : rows) {
                if (!row.text.equals(statementText)) {
                    throw new IllegalArgumentException("a batch runs one statement, not also: " + row.text);
                }
                row.bind(statement, 1);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    @Override
    public String toString() {
        return text + " " + params;
    }

    /**
     * Checks that {@code column} is a plain (optionally qualified) column name, so that a column passed
     * in can never smuggle SQL in.
     *
     * @throws IllegalArgumentException if it is not
     */
    /**
     * {@code text} as part of a LIKE pattern that matches it literally ({@code %}, {@code _} and {@code !}
     * escaped); use it with {@code ESCAPE '!'}: {@code Sql.of("name LIKE ? ESCAPE '!'", "%" + Sql.likeLiteral(q) + "%")}.
     */
    public static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    public static String column(String column) {
        if (column == null || !column.matches("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?")) {
            throw new IllegalArgumentException("not a column name: " + column);
        }
        return column;
    }

    private Sql concat(String newText, Sql other) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(other.params);
        return new Sql(newText, java.util.Collections.unmodifiableList(all));
    }

    private static void bindOne(PreparedStatement statement, int index, Object param) throws SQLException {
        if (param == null) {
            statement.setNull(index, Types.NULL);
        } else if (param instanceof Instant instant) {
            statement.setTimestamp(index, Timestamp.from(instant));
        } else if (param instanceof LocalDate date) {
            statement.setObject(index, date);
        } else if (param instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else {
            statement.setObject(index, param);
        }
    }

    /** Counts {@code ?} outside string literals. */
    private static int placeholders(String text) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '?' && !quoted) {
                count++;
            }
        }
        return count;
    }
}
