package dev.pacesetter.kernel.internal.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.pacesetter.kernel.internal.gateway.ModuleGate;
import dev.pacesetter.kernel.internal.i18n.MessageCatalogs;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;
import dev.pacesetter.platform.api.http.RouteProvider;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.security.Caller;

/**
 * What the web console shows the caller: {@code GET /api/v1/console/contributions} lists the pages and widgets of the
 * modules that are on for the caller's region and that the caller's roles may see, titled in the caller's language;
 * {@code GET /api/v1/console/messages} gives those modules' {@code console.*} texts.
 */
public final class ConsoleRoutes implements RouteProvider {

    /** Where the gateway serves a module's console files. */
    public static final String ASSETS = "/console/modules/";

    private final ConsoleContributions contributions;
    private final ModuleGate gate;
    private final MessageCatalogs catalogs;

    public ConsoleRoutes(ConsoleContributions contributions, ModuleGate gate, MessageCatalogs catalogs) {
        this.contributions = contributions;
        this.gate = gate;
        this.catalogs = catalogs;
    }

    /** One menu page or dashboard widget as the console gets it. */
    public record Item(String module, String id, String title, String script, int order) {
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/console/contributions", this::contributions)
                        .summary("The pages and widgets of the modules on for your region that your roles may see, titled in your language"),
                Route.get("/console/messages", this::messages)
                        .summary("The console texts (keys console.*) of the modules on for your region, in your language"));
    }

    private Reply contributions(ApiRequest request) {
        Caller caller = request.caller().orElseThrow();
        Language language = request.language();
        List<Item> pages = new ArrayList<>();
        List<Item> widgets = new ArrayList<>();
        for (ConsoleContributions.Contributed c : visible(caller)) {
            c.pages().stream().filter(p -> allowed(caller, p.roles()))
                    .forEach(p -> pages.add(item(c, p.id(), p.titleKey(), p.script(), p.order(), language)));
            c.widgets().stream().filter(w -> allowed(caller, w.roles()))
                    .forEach(w -> widgets.add(item(c, w.id(), w.titleKey(), w.script(), w.order(), language)));
        }
        Comparator<Item> order = Comparator.comparingInt(Item::order).thenComparing(Item::module).thenComparing(Item::id);
        pages.sort(order);
        widgets.sort(order);
        return Reply.ok(Map.of("pages", pages, "widgets", widgets));
    }

    private Reply messages(ApiRequest request) {
        Caller caller = request.caller().orElseThrow();
        Map<String, Map<String, String>> byModule = new LinkedHashMap<>();
        for (ConsoleContributions.Contributed c : visible(caller)) {
            byModule.put(c.moduleId(), catalogs.ofBundle(c.bundle()).patterns("console.", request.language()));
        }
        return Reply.ok(Map.of("language", request.language().tag(), "modules", byModule));
    }

    private List<ConsoleContributions.Contributed> visible(Caller caller) {
        return contributions.all().stream().filter(c -> gate.admits(c.moduleId(), Optional.of(caller))).toList();
    }

    private Item item(ConsoleContributions.Contributed c, String id, String titleKey, String script, int order, Language language) {
        String title = catalogs.ofBundle(c.bundle()).render(Message.of(titleKey), language);
        return new Item(c.moduleId(), id, title, ASSETS + c.moduleId() + "/" + script, order);
    }

    private static boolean allowed(Caller caller, Set<Role> roles) {
        return roles.isEmpty() || caller.hasAnyOf(roles);
    }
}
