package dev.pacesetter.kernel.internal.i18n;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

import dev.pacesetter.platform.api.i18n.Messages;

/** Gives every bundle a {@link Messages} over its own message files, then the kernel's. */
public final class MessagesFactory implements ServiceFactory<Messages> {

    private final MessageCatalogs catalogs;

    public MessagesFactory(MessageCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    @Override
    public Messages getService(Bundle bundle, ServiceRegistration<Messages> registration) {
        // looked up on every call: an updated bundle keeps its service object but gets its new files; a key the bundle
        // lacks is the kernel's (the SDK's own texts, e.g. Money.problemText()), as when the gateway renders an error
        return (message, language) -> {
            MessageCatalog own = catalogs.ofBundle(bundle);
            return own.has(message.key()) ? own.render(message, language) : catalogs.kernel().render(message, language);
        };
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<Messages> registration, Messages service) {
        catalogs.forget(bundle);
    }
}
