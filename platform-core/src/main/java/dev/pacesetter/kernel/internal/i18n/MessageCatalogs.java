package dev.pacesetter.kernel.internal.i18n;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import org.osgi.framework.Bundle;

import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * The kernel's own messages and every bundle's, read from {@code OSGI-INF/l10n/} on first use and read again
 * when the bundle is updated. Renders stored messages of a module by its id, so that the text follows the
 * reader's language and the module's current files.
 */
public final class MessageCatalogs {

    static final String FOLDER = "OSGI-INF/l10n/";
    private static final String PLATFORM = "platform";

    private record Loaded(long lastModified, MessageCatalog catalog) {
    }

    private final MessageCatalog kernel;
    private final ConcurrentMap<Long, Loaded> bundles = new ConcurrentHashMap<>();
    /** The framework starts after the gateway: until it is attached, no module has messages. */
    private volatile Function<String, Optional<Bundle>> bundleOfModule = id -> Optional.empty();

    public MessageCatalogs(MessageCatalog kernel) {
        this.kernel = kernel;
    }

    /** The kernel's messages, beside this class on the class path (a path no other jar can shadow). */
    public static MessageCatalogs withKernelMessages() {
        return new MessageCatalogs(MessageCatalog.load("the kernel", name -> MessageCatalogs.class.getResourceAsStream(name)));
    }

    /** Lets stored messages be rendered by module id from now on. */
    public void attach(Function<String, Optional<Bundle>> bundleOfModule) {
        this.bundleOfModule = bundleOfModule;
    }

    public MessageCatalog kernel() {
        return kernel;
    }

    public MessageCatalog ofBundle(Bundle bundle) {
        long modified = bundle.getLastModified();
        Loaded loaded = bundles.compute(bundle.getBundleId(), (id, cached) -> cached != null && cached.lastModified() == modified ? cached
                : new Loaded(modified, MessageCatalog.load("bundle " + bundle.getSymbolicName(), name -> {
                    java.net.URL entry = bundle.getEntry(FOLDER + name);
                    return entry == null ? null : entry.openStream();
                })));
        return loaded.catalog();
    }

    /**
     * A module's text for {@code message}, or the kernel's when the module does not have the key (the
     * gateway's own errors raised inside a module's route), or the key when neither has it.
     */
    public String render(String moduleId, Message message, Language language) {
        if (moduleId != null && !PLATFORM.equals(moduleId)) {
            Optional<String> own = bundleOfModule.apply(moduleId).flatMap(bundle -> ofBundle(bundle).find(message, language));
            if (own.isPresent()) {
                return own.get();
            }
        }
        return kernel.render(message, language);
    }

    /** Like {@link #render(String, Message, Language)}, empty when the module is not installed and the kernel lacks the key. */
    public Optional<String> find(String moduleId, Message message, Language language) {
        if (moduleId != null && !PLATFORM.equals(moduleId)) {
            Optional<Bundle> bundle = bundleOfModule.apply(moduleId);
            if (bundle.isPresent() && ofBundle(bundle.get()).has(message.key())) {
                return Optional.of(ofBundle(bundle.get()).render(message, language));
            }
        }
        return kernel.find(message, language);
    }

    /** Forgets an uninstalled bundle's files. */
    public void forget(Bundle bundle) {
        bundles.remove(bundle.getBundleId());
    }
}
