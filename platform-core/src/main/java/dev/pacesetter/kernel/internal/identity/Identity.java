package dev.pacesetter.kernel.internal.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.kernel.internal.events.OutboxWriter;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.i18n.Language;

/**
 * The platform's identity part, opened once the pool is up: applies the platform schema, makes sure an
 * administrator exists, and provides the authenticator and the routes.
 */
public final class Identity {

    private static final Logger LOG = LoggerFactory.getLogger(Identity.class);

    private final TokenAuthenticator authenticator;
    private final List<RouteProvider> routes;
    private final Runnable afterStart;
    private final IdentityRoutes signIn;

    private Identity(TokenAuthenticator authenticator, List<RouteProvider> routes, Runnable afterStart, IdentityRoutes signIn) {
        this.authenticator = authenticator;
        this.routes = routes;
        this.afterStart = afterStart;
        this.signIn = signIn;
    }

    /** Whether sign-in works yet (the first administrator exists); health is not UP before it. */
    public boolean signInReady() {
        return signIn.ready();
    }

    /**
     * The CPU-heavy part of a fresh installation (the first administrator's password hash), on a background thread
     * once the kernel serves; sign-in answers 503 and health is not UP until it exists (see {@link #signInReady()}).
     * An installation that has users has nothing to do here.
     */
    public void afterStart() {
        Thread worker = new Thread(afterStart, "pacesetter-identity-bootstrap");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * @param adminPassword the first administrator's password; generated and printed once when absent
     */
    public static Identity open(ModuleDatabase platformDb, Optional<String> adminPassword, Clock clock,
            Duration sessionTtl, Language defaultLanguage, OutboxWriter outbox) {
        OrgEvents events = new OrgEvents(outbox);
        migrate(platformDb.dataSource());
        IdentityStore store = new IdentityStore(platformDb, defaultLanguage);
        PasswordHasher hasher = new PasswordHasher();
        // hashing the first password takes a cold JVM most of a second of CPU: done after start-up, see afterStart()
        CompletableFuture<Void> adminReady = new CompletableFuture<>();
        Runnable bootstrap = store.userCount() > 0 ? () -> adminReady.complete(null) : () -> {
            try {
                bootstrapAdmin(store, platformDb, hasher, adminPassword, clock, events);
                adminReady.complete(null);
            } catch (RuntimeException e) {
                LOG.error("Could not create the first administrator", e);
                adminReady.completeExceptionally(e);
            }
        };
        TokenAuthenticator authenticator = new TokenAuthenticator(store, clock);
        IdentityRoutes identityRoutes = new IdentityRoutes(store, platformDb, authenticator, hasher, new LoginThrottle(clock), clock, adminReady,
                sessionTtl);
        return new Identity(authenticator, List.of(identityRoutes, new UserRoutes(platformDb, authenticator, hasher, clock, defaultLanguage, events),
                new LanguageRoutes(platformDb, authenticator, defaultLanguage),
                new OrganisationRoutes(platformDb, authenticator, events)),
                bootstrap, identityRoutes);
    }

    public TokenAuthenticator authenticator() {
        return authenticator;
    }

    /** The platform's identity routes, to register as whiteboard services. */
    public List<RouteProvider> routes() {
        return routes;
    }

    /** The platform's own tables, from the kernel's class path, with their own history table. */
    private static void migrate(DataSource dataSource) {
        Flyway.configure(Identity.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/platform")
                .table("pacesetter_schema_history_platform")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .loggers("slf4j")
                .load()
                .migrate();
    }

    private static void bootstrapAdmin(IdentityStore store, ModuleDatabase platformDb, PasswordHasher hasher, Optional<String> configured,
            Clock clock, OrgEvents events) {
        if (store.userCount() > 0) {
            return;
        }
        String password = configured.orElseGet(Identity::generatePassword);
        String hash = hasher.hash(password.toCharArray());
        platformDb.inTransaction(c -> {
            long id = IdentityStore.createUser(c, "admin", "Administrator", hash, EnumSet.of(Role.ADMIN), null, null, clock.instant());
            platformDb.audit(c, AuditRecord.bySystem("users", id, "create").after(Map.of("username", "admin", "roles", List.of("ADMIN"))));
            events.person(c, dev.pacesetter.platform.api.org.OrgTopics.USER_CREATED, id, null, null);
            return id;
        });
        if (configured.isPresent()) {
            LOG.info("Created the first administrator 'admin' with the password from PACESETTER_ADMIN_PASSWORD");
        } else {
            // printed once, to the console only: it is never logged or stored in clear
            System.out.println("\n  Pacesetter created the first administrator.\n    user:     admin\n    password: " + password
                    + "\n  It is shown only this once. Sign in and create the other users.\n");
            System.out.flush();
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
