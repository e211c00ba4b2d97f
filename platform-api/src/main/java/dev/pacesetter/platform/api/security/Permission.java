package dev.pacesetter.platform.api.security;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import dev.pacesetter.platform.api.Role;

/**
 * Something a module lets some users do, beyond the fixed {@link Role}s: "import leads", "close a commission
 * period", "edit the case library". A module declares its permissions as constants, requires them on routes
 * ({@code Route.requires(permission)}) or checks them in a handler ({@link Caller#can(Permission)}), and offers them
 * to the kernel with a {@link PermissionProvider} so that administrators can see and grant them.
 *
 * <p>Who holds a permission: administrators always; otherwise every user with one of its roles — the
 * {@code defaultRoles} until an administrator chooses others for the installation — and every user an
 * administrator granted it to by name. Permissions never widen which records a caller sees: that stays the
 * caller's {@link RowScope}.
 *
 * <p>The id is the module id, a dot and a name in lower case ({@code leads.import}); the console shows the text of
 * the key {@code permission.<id>} from the declaring bundle's message files.
 *
 * @param id the permission's id, {@code <module>.<name>}: lower-case letters, digits, dashes and dots
 * @param defaultRoles the roles that hold it until an administrator changes that; may be empty (administrators
 *        and named users only)
 * @since 1.3
 */
public record Permission(String id, Set<Role> defaultRoles) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");

    public Permission {
        Objects.requireNonNull(id, "id");
        if (id.length() > 120 || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("permission id '" + id + "' must be '<module>.<name>' in lower-case letters,"
                    + " digits, dashes and dots, at most 120 characters");
        }
        defaultRoles = Set.copyOf(defaultRoles);
    }

    /** A permission held by default by {@code roles} (and always by administrators). */
    public static Permission of(String id, Role... roles) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(Set.of(roles));
        return new Permission(id, set);
    }

    /** The module that declares it: the id up to the first dot. */
    public String moduleId() {
        return id.substring(0, id.indexOf('.'));
    }

    /** The key of its title in the declaring bundle's message files. */
    public String titleKey() {
        return "permission." + id;
    }
}
