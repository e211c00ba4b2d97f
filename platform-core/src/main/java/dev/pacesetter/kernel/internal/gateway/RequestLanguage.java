package dev.pacesetter.kernel.internal.gateway;

import java.util.Optional;

import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.security.Caller;
import io.javalin.http.Context;

/**
 * The language to answer a request in: the signed-in caller's setting, otherwise the
 * {@code Accept-Language} header, otherwise the installation's default.
 */
public final class RequestLanguage {

    private final Language installationDefault;

    public RequestLanguage(Language installationDefault) {
        this.installationDefault = installationDefault;
    }

    /** The language of an anonymous request with this {@code Accept-Language} header (null when absent). */
    Language ofHeader(String acceptLanguage) {
        return Language.fromAcceptLanguage(acceptLanguage, installationDefault);
    }

    Language of(Context ctx, Optional<Caller> caller) {
        return caller.map(Caller::language).orElseGet(() -> Language.fromAcceptLanguage(ctx.header("Accept-Language"), installationDefault));
    }
}
