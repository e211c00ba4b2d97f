package dev.pacesetter.pipeline.internal.http;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.pipeline.internal.store.AccountStore;
import dev.pacesetter.pipeline.internal.store.Owners;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.time.PlatformClock;

/** Customers and the people at them: {@code /api/v1/accounts}, {@code /api/v1/contacts}. */
@Component(service = RouteProvider.class)
public final class AccountRoutes implements RouteProvider {

    /** Body of {@code POST /accounts}. */
    public record AccountInput(String name, Long ownerId, List<ContactInput> contacts) {
    }

    /** A contact in {@code POST /accounts} or the body of {@code POST /contacts} (with {@code accountId}). */
    public record ContactInput(Long accountId, String name, String title, String email, String phone) {
    }

    static final Role[] WORKERS = {Role.ADMIN, Role.MANAGER, Role.REP};
    static final Role[] READERS = {Role.ADMIN, Role.MANAGER, Role.REP, Role.AFTER_SALES, Role.MARKETING};

    private final ModuleDatabase db;
    private final Clock clock;

    @Activate
    public AccountRoutes(@Reference ModuleDatabase db, @Reference PlatformClock time) {
        this.clock = time.clock();
        this.db = db;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/accounts", this::create).body(AccountInput.class).returns(AccountStore.Account.class).roles(WORKERS).summary("Create an account (owner: you, or someone you manage) with contacts"),
                Route.get("/accounts", this::list).returnsItems(AccountStore.Account.class).query("q", "Text to search in names").query("before", Long.class, "Cursor: the nextBefore of the previous page").query("limit", Integer.class, "Page size").roles(READERS).summary("Accounts you may see, newest first; q, limit, before"),
                Route.get("/accounts/{id}", request -> Reply.ok(account(request))).returns(AccountStore.Account.class).roles(READERS).summary("One account with its contacts"),
                Route.post("/contacts", this::addContact).body(ContactInput.class).returns(AccountStore.Contact.class).roles(WORKERS).summary("Add a contact to an account you may see"),
                Route.get("/contacts/{id}", this::contact).returns(AccountStore.Contact.class).roles(READERS).summary("One contact (of an account you may see)"));
    }

    private Reply create(ApiRequest request) {
        AccountInput in = request.body(AccountInput.class);
        Validation v = new Validation();
        v.require(in.name() != null && !in.name().isBlank() && in.name().length() <= 200, "name", Message.of("field.length", 1, 200));
        List<ContactInput> contacts = in.contacts() == null ? List.of() : in.contacts();
        v.require(contacts.size() <= 50, "contacts", Message.of("field.contacts.too-many", 50));
        for (int i = 0; i < contacts.size(); i++) {
            validate(v, contacts.get(i), "contacts[" + i + "].");
        }
        v.orThrow();
        Caller caller = request.caller().orElseThrow();
        Instant now = clock.instant();
        AccountStore.Account created = db.inTransaction(c -> {
            Owners.Owner owner = Owners.resolve(c, caller, in.ownerId(), "ownerId");
            long id = AccountStore.insert(c, in.name(), owner, null, now);
            for (ContactInput contact : contacts) {
                AccountStore.insertContact(c, id, contact.name(), contact.title(), contact.email(), contact.phone(), now);
            }
            AccountStore.Account account = AccountStore.find(c, id, caller.scope()).orElseThrow();
            db.audit(c, AuditRecord.of(request, "accounts", id, "create").after(account));
            return account;
        });
        return Reply.created("/api/v1/accounts/" + created.id(), created);
    }

    private Reply list(ApiRequest request) {
        Validation v = new Validation();
        int limit = v.intParam(request, "limit", 50, 1, 200);
        Optional<Long> before = request.queryParam("before").flatMap(raw -> {
            try {
                return Optional.of(Long.parseLong(raw));
            } catch (NumberFormatException e) {
                v.require(false, "before", Message.of("field.cursor", "nextBefore"));
                return Optional.empty();
            }
        });
        v.orThrow();
        Caller caller = request.caller().orElseThrow();
        List<AccountStore.Account> page = db.inTransaction(c -> AccountStore.page(c, caller.scope(),
                request.queryParam("q").map(String::strip).filter(q -> !q.isEmpty()), before, limit));
        boolean more = page.size() > limit;
        List<AccountStore.Account> items = more ? page.subList(0, limit) : page;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("nextBefore", more ? String.valueOf(items.get(items.size() - 1).id()) : null);
        return Reply.ok(body);
    }

    private AccountStore.Account account(ApiRequest request) {
        long id = request.pathId("id");
        Caller caller = request.caller().orElseThrow();
        return db.inTransaction(c -> AccountStore.find(c, id, caller.scope()))
                .orElseThrow(() -> ApiException.notFound(Message.of("error.account.not-found", id)));
    }

    private Reply addContact(ApiRequest request) {
        ContactInput in = request.body(ContactInput.class);
        Validation v = new Validation();
        v.require(in.accountId() != null, "accountId", Message.of("field.required"));
        validate(v, in, "");
        v.orThrow();
        Caller caller = request.caller().orElseThrow();
        AccountStore.Contact created = db.inTransaction(c -> {
            AccountStore.find(c, in.accountId(), caller.scope())
                    .orElseThrow(() -> ApiException.notFound(Message.of("error.account.not-found", in.accountId())));
            long id = AccountStore.insertContact(c, in.accountId(), in.name(), in.title(), in.email(), in.phone(), clock.instant());
            AccountStore.Contact contact = AccountStore.contacts(c, in.accountId()).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
            db.audit(c, AuditRecord.of(request, "contacts", id, "create").after(contact));
            return contact;
        });
        return Reply.created("/api/v1/contacts/" + created.id(), created);
    }

    private Reply contact(ApiRequest request) {
        long id = request.pathId("id");
        Caller caller = request.caller().orElseThrow();
        return Reply.ok(db.inTransaction(c -> {
            Sql sql = Sql.of("SELECT ct.id, ct.account_id, ct.name, ct.title, ct.email, ct.phone, ct.created_at FROM pipeline_contact ct"
                    + " JOIN pipeline_account a ON a.id = ct.account_id WHERE ct.id = ?", id).and(caller.scope().ownedBy("a.owner_id"));
            try (PreparedStatement ps = sql.prepare(c); java.sql.ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound(Message.of("error.contact.not-found", id));
                }
                return AccountStore.contact(rs);
            }
        }));
    }

    private static void validate(Validation v, ContactInput contact, String prefix) {
        v.require(contact != null && contact.name() != null && !contact.name().isBlank() && contact.name().length() <= 200, prefix + "name",
                Message.of("field.length", 1, 200));
        if (contact == null) {
            return;
        }
        v.require(contact.title() == null || contact.title().length() <= 100, prefix + "title", Message.of("field.max-length", 100));
        v.require(contact.email() == null || contact.email().isBlank() || (contact.email().length() <= 254
                && contact.email().strip().matches("[^\\s@]+@[^\\s@]+\\.[^\\s@]+")), prefix + "email", Message.of("field.email"));
        v.require(contact.phone() == null || contact.phone().length() <= 50, prefix + "phone", Message.of("field.max-length", 50));
    }
}
