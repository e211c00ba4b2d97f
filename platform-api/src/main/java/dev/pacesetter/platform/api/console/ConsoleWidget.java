package dev.pacesetter.platform.api.console;

import java.util.EnumSet;
import java.util.Set;

import dev.pacesetter.platform.api.Role;

/**
 * A widget on the console's dashboard.
 *
 * @param id unique within the module: lower-case letters, digits and dashes
 * @param titleKey its title, a key in the bundle's message files (starting with {@code console.})
 * @param script the ES module, relative to the bundle's resources folder, that renders it
 * @param roles who sees it; empty: everyone signed in
 * @param order where it goes on the dashboard, lowest first
 */
public record ConsoleWidget(String id, String titleKey, String script, Set<Role> roles, int order) {

    public ConsoleWidget {
        roles = Set.copyOf(roles);
    }

    /** A widget everyone signed in sees, ordered 100. */
    public static ConsoleWidget of(String id, String titleKey, String script) {
        return new ConsoleWidget(id, titleKey, script, Set.of(), 100);
    }

    /** A copy seen only by callers with one of {@code allowed}. */
    public ConsoleWidget roles(Role... allowed) {
        return new ConsoleWidget(id, titleKey, script, allowed.length == 0 ? Set.of() : EnumSet.of(allowed[0], allowed), order);
    }

    /** A copy at another place on the dashboard. */
    public ConsoleWidget order(int position) {
        return new ConsoleWidget(id, titleKey, script, roles, position);
    }
}
