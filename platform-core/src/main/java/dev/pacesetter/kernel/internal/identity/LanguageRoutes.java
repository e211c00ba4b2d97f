package dev.pacesetter.kernel.internal.identity;

import java.util.List;
import java.util.Map;

import dev.pacesetter.platform.api.audit.AuditRecord;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;

/** Every user chooses the language the product writes to them in: errors, notifications, e-mails. */
public final class LanguageRoutes implements RouteProvider {

    /** Body of {@code PUT /me/language}: {@code zh-CN} or {@code en}; {@code null} follows the installation's default again. */
    public record LanguageChoice(String language) {
    }

    private final ModuleDatabase db;
    private final TokenAuthenticator authenticator;
    private final Language defaultLanguage;

    LanguageRoutes(ModuleDatabase db, TokenAuthenticator authenticator, Language defaultLanguage) {
        this.db = db;
        this.authenticator = authenticator;
        this.defaultLanguage = defaultLanguage;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.put("/me/language", this::choose).body(LanguageChoice.class).summary("Choose my language: zh-CN or en"));
    }

    private Reply choose(ApiRequest request) {
        LanguageChoice input = request.body(LanguageChoice.class);
        new Validation().require(input.language() == null || Language.fromTag(input.language()).isPresent(), "language", Message.of("field.language"))
                .orThrow();
        Language chosen = input.language() == null ? null : Language.fromTag(input.language()).orElseThrow();
        long self = request.caller().orElseThrow().userId();
        String before = request.caller().orElseThrow().language().tag();
        db.inTransaction(c -> {
            IdentityStore.setLanguage(c, self, chosen);
            db.audit(c, AuditRecord.of(request, "users", self, "choose_language").before(Map.of("language", before))
                    .after(Map.of("language", chosen == null ? "default" : chosen.tag())));
            return null;
        });
        authenticator.forgetUser(self); // the cached caller carries the old language
        return Reply.ok(Map.of("language", (chosen == null ? defaultLanguage : chosen).tag(), "chosen", chosen != null));
    }
}
