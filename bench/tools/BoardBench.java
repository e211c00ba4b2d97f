import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline board benchmark (bench/board.sh): builds an organisation over REST, fills PostgreSQL with
 * opportunities and activities, then times the board three ways in one run — the naive GROUP BY over the
 * opportunities, the board's own query over its running totals, and GET /api/v1/pipeline/board over HTTP.
 *
 * usage: java -cp postgresql.jar BoardBench.java JDBC_URL USER HTTP_BASE ADMIN_PASSWORD OPPORTUNITIES ACTIVITIES ROUNDS
 */
public class BoardBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final int TEAMS = 10;
    static final int REPS_PER_TEAM = 10;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String base = args[2];
        String adminPassword = args[3];
        long opportunities = Long.parseLong(args[4]);
        long activities = Long.parseLong(args[5]);
        int rounds = Integer.parseInt(args[6]);

        String admin = login(base, "admin", adminPassword);
        long region = id(call(base, admin, "POST", "/api/v1/regions", "{\"code\":\"bench\",\"name\":\"Bench\"}"));
        List<Long> teams = new ArrayList<>();
        for (int t = 0; t < TEAMS; t++) {
            teams.add(id(call(base, admin, "POST", "/api/v1/teams", "{\"regionId\":" + region + ",\"name\":\"Team " + t + "\"}")));
            for (int r = 0; r < REPS_PER_TEAM; r++) {
                call(base, admin, "POST", "/api/v1/users", "{\"username\":\"brep" + t + "x" + r + "\",\"displayName\":\"Rep\",\"password\":\"bench-password-123\","
                        + "\"roles\":[\"REP\"],\"teamId\":" + teams.get(t) + "}");
            }
        }
        long manager = id(call(base, admin, "POST", "/api/v1/users", "{\"username\":\"bmanager\",\"displayName\":\"Manager\",\"password\":\"bench-password-123\","
                + "\"roles\":[\"MANAGER\"],\"teamId\":" + teams.get(0) + "}"));
        call(base, admin, "PUT", "/api/v1/teams/" + teams.get(0), "{\"regionId\":" + region + ",\"name\":\"Team 0\",\"managerId\":" + manager + "}");
        String managerToken = login(base, "bmanager", "bench-password-123");

        try (Connection c = DriverManager.getConnection(url, user, "")) {
            long began = System.nanoTime();
            fill(c, opportunities, activities);
            System.err.printf("[board] data in %.0f s%n", (System.nanoTime() - began) / 1e9);

            String naive = "SELECT o.stage, o.currency, COUNT(*), SUM(o.amount) FROM pipeline_opportunity o JOIN platform_user u ON u.id = o.owner_id"
                    + " WHERE u.team_id = ? AND o.stage IN ('FIRST_CONTACT', 'PROPOSAL_SUBMITTED', 'NEGOTIATION') GROUP BY o.stage, o.currency";
            String board = "SELECT b.stage, b.currency, SUM(b.open_count), SUM(b.amount_total) FROM pipeline_board_total b"
                    + " WHERE b.owner_id IN (SELECT u.id FROM platform_user u WHERE u.team_id = ?) GROUP BY b.stage, b.currency";
            check(c, naive, board, teams);
            for (int warm = 0; warm < 20; warm++) {
                time(c, naive, teams.get(warm % TEAMS));
                time(c, board, teams.get(warm % TEAMS));
                http(base, managerToken, teams.get(0));
            }
            long[] naiveTimes = new long[rounds];
            long[] boardTimes = new long[rounds];
            long[] httpTimes = new long[rounds];
            for (int i = 0; i < rounds; i++) { // interleaved, so both see the same machine
                naiveTimes[i] = time(c, naive, teams.get(i % TEAMS));
                boardTimes[i] = time(c, board, teams.get(i % TEAMS));
                httpTimes[i] = http(base, managerToken, teams.get(0));
            }
            long count;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pipeline_opportunity")) {
                rs.next();
                count = rs.getLong(1);
            }
            System.out.printf("{\"opportunities\":%d,\"activities\":%d,\"rounds\":%d,\"naiveP50\":%.2f,\"naiveP95\":%.2f,\"boardP50\":%.2f,\"boardP95\":%.2f,"
                    + "\"httpP50\":%.2f,\"httpP95\":%.2f}%n", count, activities, rounds, ms(naiveTimes, 0.5), ms(naiveTimes, 0.95), ms(boardTimes, 0.5),
                    ms(boardTimes, 0.95), ms(httpTimes, 0.5), ms(httpTimes, 0.95));
        }
    }

    /** Accounts, opportunities (a third open, spread over the reps and stages) and activities, then the board's totals. */
    static void fill(Connection c, long opportunities, long activities) throws Exception {
        long accounts = Math.max(1, opportunities / 10);
        try (Statement s = c.createStatement()) {
            String reps = "(SELECT array_agg(id ORDER BY id) FROM platform_user WHERE username LIKE 'brep%')";
            System.err.println("[board] " + accounts + " accounts");
            s.execute("INSERT INTO pipeline_account (name, owner_id, created_at, updated_at, version) SELECT 'Account ' || g, " + reps
                    + "[1 + g % 100], now(), now(), 1 FROM generate_series(0, " + (accounts - 1) + ") g");
            System.err.println("[board] " + opportunities + " opportunities");
            s.execute("INSERT INTO pipeline_opportunity (account_id, name, owner_id, team_id, amount, currency, stage, stage_entered_at, created_at,"
                    + " updated_at, version) SELECT (SELECT MIN(id) FROM pipeline_account) + g % " + accounts + ", 'Deal ' || g, " + reps
                    + "[1 + g % 100], NULL, (g % 1000) * 100 + 0.5, CASE WHEN g % 17 = 0 THEN 'USD' ELSE 'CNY' END,"
                    + " (ARRAY['FIRST_CONTACT','FIRST_CONTACT','PROPOSAL_SUBMITTED','NEGOTIATION','WON','WON','LOST','LOST','LOST'])[1 + g % 9],"
                    + " now() - (g % 90) * interval '1 day', now(), now(), 1 FROM generate_series(0, " + (opportunities - 1) + ") g");
            s.execute("UPDATE pipeline_opportunity o SET team_id = u.team_id FROM platform_user u WHERE u.id = o.owner_id");
            System.err.println("[board] " + activities + " activities");
            s.execute("INSERT INTO pipeline_activity (opportunity_id, account_id, kind, by_user, happened_at, competitor_contact, created_at)"
                    + " SELECT o0 + g % " + opportunities + ", a0 + (g % " + opportunities + ") % " + accounts + ","
                    + " (ARRAY['CALL','VISIT','EMAIL','DEMO','CUSTOMER_FEEDBACK'])[1 + g % 5], " + reps + "[1 + g % 100],"
                    + " now() - (g % 365) * interval '1 day', g % 50 = 0, now()"
                    + " FROM (SELECT MIN(id) o0 FROM pipeline_opportunity) mo, (SELECT MIN(id) a0 FROM pipeline_account) ma,"
                    + " generate_series(0, " + (activities - 1) + ") g");
            // what the module keeps up to date as opportunities open and move, built in one go here
            s.execute("DELETE FROM pipeline_board_total");
            s.execute("INSERT INTO pipeline_board_total (owner_id, stage, currency, open_count, amount_total) SELECT owner_id, stage, currency,"
                    + " COUNT(*), SUM(amount) FROM pipeline_opportunity WHERE stage IN ('FIRST_CONTACT', 'PROPOSAL_SUBMITTED', 'NEGOTIATION')"
                    + " GROUP BY owner_id, stage, currency");
            s.execute("ANALYZE");
        }
    }

    /** Both queries must give the same board, or the comparison means nothing. */
    static void check(Connection c, String naive, String board, List<Long> teams) throws Exception {
        for (long team : teams) {
            if (!rows(c, naive, team).equals(rows(c, board, team))) {
                throw new IllegalStateException("the board differs from the naive query for team " + team + ": " + rows(c, naive, team) + " vs "
                        + rows(c, board, team));
            }
        }
    }

    static List<String> rows(Connection c, String sql, long team) throws Exception {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql + " ORDER BY 1, 2")) {
            ps.setLong(1, team);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getLong(3) + "/" + rs.getBigDecimal(4).stripTrailingZeros().toPlainString());
                }
            }
        }
        return rows;
    }

    static long time(Connection c, String sql, long team) throws Exception {
        long began = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, team);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getBigDecimal(4);
                }
            }
        }
        return System.nanoTime() - began;
    }

    static long http(String base, String token, long team) throws Exception {
        long began = System.nanoTime();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/pipeline/board?teamId=" + team))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("board answered " + response.statusCode() + ": " + response.body());
        }
        return System.nanoTime() - began;
    }

    static double ms(long[] nanos, double quantile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    static String login(String base, String username, String password) throws Exception {
        for (int attempt = 0; attempt < 300; attempt++) {
            HttpResponse<String> r = send(base, null, "POST", "/api/v1/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
            if (r.statusCode() == 200) {
                Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
                m.find();
                return m.group(1);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("cannot sign in as " + username);
    }

    static String call(String base, String token, String method, String path, String body) throws Exception {
        HttpResponse<String> r = send(base, token, method, path, body);
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static HttpResponse<String> send(String base, String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static long id(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        m.find();
        return Long.parseLong(m.group(1));
    }
}
