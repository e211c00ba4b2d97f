package dev.pacesetter.kernel.internal.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.kernel.internal.config.MailConfig;
import dev.pacesetter.kernel.internal.events.Doorbell;
import dev.pacesetter.platform.api.db.ModuleDatabase;

/**
 * The node's mail sender: one thread that claims due mails from the outbox, sends them and records each
 * outcome. A failed mail is retried after a back-off that doubles per attempt (capped at an hour) and
 * parked after {@link MailConfig#maxAttempts()} attempts, or at once when the server refuses its address.
 * Without an SMTP host nothing is sent: mails wait in the outbox until one is configured.
 */
public final class MailDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);
    /**
     * The safety net: queued mails wake the sender when their transaction commits, and it sleeps until the next retry
     * falls due; it looks anyway this often (mails queued by another node, expired claims).
     */
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    static final int BATCH = 20;

    private final ModuleDatabase db;
    private final MailConfig config;
    private final Clock clock;
    private final String node;
    private final Optional<SmtpMailer> mailer;
    private final Thread thread;
    private final Doorbell queued = new Doorbell();
    private volatile boolean running = true;

    /**
     * @param node this process's node id: claims name it
     * @throws dev.pacesetter.kernel.internal.config.ConfigException if the sender address is unusable
     */
    public MailDelivery(ModuleDatabase db, MailConfig config, Clock clock, String node) {
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.node = node;
        this.mailer = config.configured() ? Optional.of(new SmtpMailer(config)) : Optional.empty();
        this.thread = new Thread(this::loop, "pacesetter-mail");
        thread.setDaemon(true);
    }

    public void open() {
        if (mailer.isEmpty()) {
            long waiting = db.inTransaction(c -> MailOutbox.counts(c).get(MailOutbox.State.QUEUED.name()));
            LOG.warn("E-mail is off (no pacesetter.mail.smtp.host): e-mails users ask for wait in the outbox and the inbox shows their"
                    + " notifications; {} waiting", waiting);
            return;
        }
        LOG.info("E-mail notifications go through {}:{} (STARTTLS {}, {})", config.smtpHost().orElseThrow(), config.smtpPort(),
                config.startTls().name().toLowerCase(java.util.Locale.ROOT),
                config.smtpUser().isEmpty() ? "no authentication" : "user " + config.smtpUser());
        thread.start();
    }

    public boolean configured() {
        return mailer.isPresent();
    }

    public MailConfig config() {
        return config;
    }

    /** A claim outlives the slowest batch: every mail of it may wait out the timeout, plus connecting and closing. */
    Duration lease() {
        return config.timeout().multipliedBy(BATCH + 2L);
    }

    Duration backoff(int attempt) {
        long millis = config.retryBase().toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    /** Mails were queued (or queued again): send them now rather than at the next poll. */
    public void wake() {
        queued.ring();
    }

    private void loop() {
        try {
            while (running) {
                int handled;
                try {
                    handled = round();
                } catch (RuntimeException e) {
                    LOG.warn("Mail sending paused after a database error: {}", e.getMessage());
                    handled = 0;
                }
                if (handled < BATCH) {
                    pause();
                }
            }
        } finally {
            try {
                db.inTransaction(c -> MailOutbox.release(c, node));
            } catch (RuntimeException e) {
                LOG.debug("Could not release this node's mail claims; they expire by themselves", e);
            }
        }
    }

    /** Claims and sends one batch; the number of mails it dealt with. */
    int round() {
        Instant now = clock.instant();
        List<OutboxMail> claimed = db.inTransaction(c -> MailOutbox.claim(c, node, now, now.plus(lease()), BATCH));
        if (claimed.isEmpty()) {
            return 0;
        }
        mailer.orElseThrow().send(claimed, new SmtpMailer.Outcome() {
            @Override
            public void sent(OutboxMail mail) {
                LOG.debug("Sent {}", mail);
                db.inTransaction(c -> {
                    MailOutbox.sent(c, mail, node, clock.instant());
                    return null;
                });
            }

            @Override
            public void failed(OutboxMail mail, String error, boolean permanent) {
                record(mail, error, permanent);
            }
        }, () -> running);
        return claimed.size();
    }

    private void record(OutboxMail mail, String error, boolean permanent) {
        int attempt = mail.attempts() + 1;
        Instant now = clock.instant();
        Optional<Instant> retryAt;
        if (permanent || attempt >= config.maxAttempts()) {
            LOG.error("Gave up on {} after {} attempt(s); parked it (an administrator can queue it again): {}", mail, attempt, error);
            retryAt = Optional.empty();
        } else {
            Duration wait = backoff(attempt);
            LOG.warn("Could not send {} (attempt {} of {}); retrying in {} ms: {}", mail, attempt, config.maxAttempts(), wait.toMillis(), error);
            retryAt = Optional.of(now.plus(wait));
        }
        db.inTransaction(c -> {
            MailOutbox.failed(c, mail, node, retryAt, now, error);
            return null;
        });
    }

    /** Until woken, the next retry falls due, or the safety-net poll. */
    private void pause() {
        try {
            Duration wait = POLL;
            try {
                Instant now = clock.instant();
                wait = db.inTransaction(MailOutbox::nextDue).map(at -> Duration.between(now, at)).filter(d -> d.compareTo(POLL) < 0)
                        .map(d -> d.isNegative() || d.isZero() ? Duration.ofMillis(1) : d).orElse(POLL);
            } catch (RuntimeException e) {
                LOG.debug("Could not read when the next mail is due; looking again at the next poll", e);
            }
            queued.await(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false; // no interrupt: H2 closes its database file when a thread is interrupted in the middle of I/O
        queued.ring();
        if (thread.isAlive()) {
            try {
                thread.join(config.timeout().multipliedBy(3).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
