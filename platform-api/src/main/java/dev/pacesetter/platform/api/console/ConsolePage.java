package dev.pacesetter.platform.api.console;

import java.util.EnumSet;
import java.util.Set;

import dev.pacesetter.platform.api.Role;

/**
 * A page in the console's menu.
 *
 * @param id unique within the module: lower-case letters, digits and dashes; the page's address is {@code #/<module>/<id>}
 * @param titleKey the menu title, a key in the bundle's message files (starting with {@code console.})
 * @param script the ES module, relative to the bundle's resources folder, that renders the page
 * @param roles who sees it; empty: everyone signed in
 * @param order where it goes in the menu, lowest first
 */
public record ConsolePage(String id, String titleKey, String script, Set<Role> roles, int order) {

    public ConsolePage {
        roles = Set.copyOf(roles);
    }

    /** A page everyone signed in sees, ordered 100. */
    public static ConsolePage of(String id, String titleKey, String script) {
        return new ConsolePage(id, titleKey, script, Set.of(), 100);
    }

    /** A copy seen only by callers with one of {@code allowed}. */
    public ConsolePage roles(Role... allowed) {
        return new ConsolePage(id, titleKey, script, allowed.length == 0 ? Set.of() : EnumSet.of(allowed[0], allowed), order);
    }

    /** A copy at another place in the menu. */
    public ConsolePage order(int position) {
        return new ConsolePage(id, titleKey, script, roles, position);
    }
}
