import java.io.BufferedReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * The benchmark's baseline: the same CSV rows inserted into leads_lead with a plain JDBC batch (1,000 rows a batch,
 * one transaction, default driver settings as in the kernel), nothing else: no validation, grading, dedupe keys,
 * owner checks, tags, assignment records or events. Prints one JSON line.
 *
 *   java -cp <jdbc driver jar> RawLeadInsert.java JDBC_URL USER FILE OWNER_USERNAME [PASSWORD]
 */
public class RawLeadInsert {
    public static void main(String[] args) throws Exception {
        String sql = "INSERT INTO leads_lead (external_id, person_name, company, phone, email, intent, budget_status, budget_amount,"
                + " budget_currency, decision_role, grade, grade_rule, grade_rules_version, owner_id, status, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'C', 'raw', 0, ?, 'NEW', ?, ?, 1)";
        long start = 0;
        int rows = 0;
        try (Connection c = DriverManager.getConnection(args[0], args[1], args.length > 4 ? args[4] : "");
                BufferedReader in = Files.newBufferedReader(Path.of(args[2]), StandardCharsets.UTF_8)) {
            long owner;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM platform_user WHERE username = ?")) {
                ps.setString(1, args[3]);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    owner = rs.getLong(1);
                }
            }
            start = System.nanoTime();
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                in.readLine(); // header
                for (String line; (line = in.readLine()) != null;) {
                    String[] f = line.split(",", -1);
                    ps.setString(1, "raw-" + f[0]);
                    ps.setString(2, f[1]);
                    ps.setString(3, f[2]);
                    ps.setString(4, f[3]);
                    ps.setString(5, f[4]);
                    ps.setString(6, f[5]);
                    ps.setString(7, f[6]);
                    if (f[7].isEmpty()) {
                        ps.setNull(8, Types.NUMERIC);
                        ps.setNull(9, Types.CHAR);
                    } else {
                        ps.setBigDecimal(8, new BigDecimal(f[7]));
                        ps.setString(9, f[8]);
                    }
                    ps.setString(10, f[9]);
                    ps.setLong(11, owner);
                    ps.setTimestamp(12, now);
                    ps.setTimestamp(13, now);
                    ps.addBatch();
                    if (++rows % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("{\"rows\":%d,\"seconds\":%.3f,\"rowsPerSecond\":%.0f}%n", rows, seconds, rows / seconds);
    }
}
