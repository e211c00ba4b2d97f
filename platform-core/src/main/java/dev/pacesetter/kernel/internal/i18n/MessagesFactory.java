package dev.pacesetter.kernel.internal.i18n;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

import dev.pacesetter.platform.api.i18n.Messages;

/** Gives every bundle a {@link Messages} over its own message files. */
public final class MessagesFactory implements ServiceFactory<Messages> {

    private final MessageCatalogs catalogs;

    public MessagesFactory(MessageCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    @Override
    public Messages getService(Bundle bundle, ServiceRegistration<Messages> registration) {
        // looked up on every call: an updated bundle keeps its service object but gets its new files
        return (message, language) -> catalogs.ofBundle(bundle).render(message, language);
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<Messages> registration, Messages service) {
        catalogs.forget(bundle);
    }
}
