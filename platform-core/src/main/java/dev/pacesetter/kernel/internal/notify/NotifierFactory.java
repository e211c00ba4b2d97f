package dev.pacesetter.kernel.internal.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

import dev.pacesetter.kernel.internal.config.MailConfig;
import dev.pacesetter.kernel.internal.db.CommitHooks;
import dev.pacesetter.kernel.internal.i18n.MessageCatalog;
import dev.pacesetter.kernel.internal.i18n.MessageCatalogs;
import dev.pacesetter.kernel.internal.mail.MailContent;
import dev.pacesetter.kernel.internal.mail.MailOutbox;
import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.platform.api.db.DataAccessException;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.notify.Notification;
import dev.pacesetter.platform.api.notify.Notifier;

/**
 * Gives every bundle its own {@link Notifier}, which records that bundle's module with each notification.
 * In the notifying transaction it reads the recipient's preference for the kind and writes the inbox
 * row, the outbox row of an e-mail, or both: a change that rolls back leaves neither.
 *
 * <p>Titles, bodies and rules given as messages are stored as messages (rendered again in the reader's
 * language whenever the inbox is read) and, as a fallback, as text in the recipient's language; the e-mail
 * is written in the recipient's language.
 */
public final class NotifierFactory implements ServiceFactory<Notifier> {

    private final ModuleRegistry modules;
    private final Clock clock;
    private final Channel platformDefault;
    private final boolean mailOn;
    private final Optional<String> publicUrl;
    private final MessageCatalogs catalogs;
    private final Language defaultLanguage;
    private final CommitHooks hooks;
    private final Runnable mailQueued;

    /** @param mailQueued run once a transaction that queued e-mails has committed, to wake the sender */
    public NotifierFactory(ModuleRegistry modules, Clock clock, MailConfig mail, MessageCatalogs catalogs, Language defaultLanguage, CommitHooks hooks,
            Runnable mailQueued) {
        this.hooks = hooks;
        this.mailQueued = mailQueued;
        this.catalogs = catalogs;
        this.defaultLanguage = defaultLanguage;
        this.modules = modules;
        this.clock = clock;
        this.platformDefault = Channel.parse(mail.defaultChannel()).orElseThrow();
        this.mailOn = mail.configured();
        this.publicUrl = mail.publicUrl();
    }

    @Override
    public Notifier getService(Bundle bundle, ServiceRegistration<Notifier> registration) {
        Supplier<String> module = modules.moduleOf(bundle, "raise notifications");
        return (connection, notification) -> insert(connection, notification, module.get(), catalogs.ofBundle(bundle));
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<Notifier> registration, Notifier service) {
        // stateless
    }

    private long insert(Connection c, Notification n, String module, MessageCatalog texts) {
        Instant now = clock.instant();
        try {
            Optional<PreferenceStore.Recipient> recipient = PreferenceStore.recipient(c, n.userId(), n.kind());
            // an unknown user gets the inbox row, whose foreign key then refuses it with the reason below
            DeliveryPlan plan = recipient.map(r -> DeliveryPlan.decide(r.forKind(), r.userDefault(), platformDefault, r.email().isPresent(), mailOn))
                    .orElse(new DeliveryPlan(Channel.INBOX, true, false));
            Language language = recipient.flatMap(PreferenceStore.Recipient::language).orElse(defaultLanguage);
            Notification rendered = rendered(n, texts, language);
            long id = insertNotification(c, rendered, n, module, plan.inbox(), now);
            if (plan.email()) {
                MailOutbox.enqueue(c, id, n.userId(), module, n.kind(), recipient.orElseThrow().email().orElseThrow(),
                        MailContent.of(rendered, publicUrl, catalogs.kernel(), language), now);
                hooks.afterCommit(c, mailQueued); // else (a transaction of the plugin's own) the sender's poll finds it
            }
            return id;
        } catch (SQLException e) {
            // 23503: no such user; the plugin's transaction rolls back with a clear reason
            throw new DataAccessException("could not notify user " + n.userId() + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    /** The notification with every message rendered in {@code language}: the stored fallback, and what an e-mail says. */
    static Notification rendered(Notification n, MessageCatalog texts, Language language) {
        String title = n.titleMessage().map(m -> clip(texts.render(m, language), 200)).filter(t -> !t.isBlank()).orElse(n.title());
        Notification plain = Notification.to(n.userId(), n.kind(), n.severity(), title);
        Optional<String> body = n.bodyMessage().map(m -> texts.render(m, language)).or(n::bodyText);
        Optional<String> rule = n.ruleMessage().map(m -> texts.render(m, language)).or(n::ruleName);
        plain = body.isPresent() ? plain.body(body.get()) : plain;
        plain = rule.isPresent() ? plain.rule(rule.get()) : plain;
        return n.linkPath().isPresent() ? plain.link(n.linkPath().get()) : plain;
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }

    private static long insertNotification(Connection c, Notification n, Notification given, String module, boolean inInbox, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_notification (user_id, module_id, kind, severity, title, body,"
                + " link, rule, created_at, in_inbox, title_message, body_message, rule_message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, n.userId());
            ps.setString(2, module);
            ps.setString(3, n.kind());
            ps.setString(4, n.severity().name());
            ps.setString(5, n.title());
            ps.setString(6, n.bodyText().map(b -> b.length() > 4000 ? b.substring(0, 4000) : b).orElse(null));
            ps.setString(7, n.linkPath().orElse(null));
            ps.setString(8, n.ruleName().map(r -> r.length() > 200 ? r.substring(0, 200) : r).orElse(null));
            ps.setTimestamp(9, Timestamp.from(now));
            ps.setBoolean(10, inInbox);
            ps.setString(11, given.titleMessage().map(Message::toJson).orElse(null));
            ps.setString(12, given.bodyMessage().map(Message::toJson).orElse(null));
            ps.setString(13, given.ruleMessage().map(Message::toJson).orElse(null));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
