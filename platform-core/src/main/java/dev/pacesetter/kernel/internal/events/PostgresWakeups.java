package dev.pacesetter.kernel.internal.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes this node's sequencer when another node commits events, on PostgreSQL: every transaction that writes events
 * also sends {@code NOTIFY pacesetter_events} (delivered at commit, never for a rollback), and each node listens on a
 * connection of its own, outside the pool, that sends nothing while it waits. Lost connections are re-opened; after
 * each (re)connection the sequencer looks once, for what was committed while nobody listened.
 */
public final class PostgresWakeups implements AutoCloseable {

    static final String CHANNEL = "pacesetter_events";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresWakeups.class);
    private static final Duration RECONNECT = Duration.ofSeconds(2);

    private final String url;
    private final String user;
    private final String password;
    private final Doorbell written;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection listening;

    public PostgresWakeups(String url, String user, String password, Doorbell written) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.written = written;
        this.thread = new Thread(this::loop, "pacesetter-events-listen");
        thread.setDaemon(true);
    }

    /** The statement a publishing transaction runs so that every node's listener hears of it once it commits. */
    static void notifyOnCommit(Connection transaction) throws SQLException {
        try (Statement statement = transaction.createStatement()) {
            statement.execute("NOTIFY " + CHANNEL);
        }
    }

    public void open() {
        thread.start();
    }

    private void loop() {
        boolean lost = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (lost) {
                    LOG.info("Listening for other nodes' events again");
                    lost = false;
                }
                written.ring();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1_000); // blocks on the socket: no query while idle
                    if (notifications != null && notifications.length > 0) {
                        written.ring();
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                if (!lost) {
                    LOG.info("Lost the connection that hears other nodes' events ({}); their events arrive by the poll until it is back",
                            e.getMessage());
                    lost = true;
                }
                pause();
            } finally {
                listening = null;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.close(); // ends the blocking wait at once
            } catch (SQLException e) {
                LOG.debug("Closing the listening connection", e);
            }
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
