package dev.pacesetter.platform.api.org;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Who is who: a service the kernel registers. Every method reads on the caller's connection, so inside a transaction
 * the answer is consistent with the change being made (an owner checked and a lead stored in one unit of work):
 * <pre>
 * db.inTransaction(c -&gt; {
 *     Person owner = organisation.person(c, input.ownerId()).filter(Person::active)
 *             .orElseThrow(() -&gt; ApiException.invalidFields(...));
 *     ...
 * });
 * </pre>
 * For joins and scoping in SQL use the {@code org_*_v1} views (see the package description), never the kernel's tables.
 * Every method throws {@link dev.pacesetter.platform.api.db.DataAccessException} if the database fails.
 */
@ProviderType
public interface Organisation {

    Optional<Person> person(Connection connection, long userId);

    Optional<Person> personByUsername(Connection connection, String username);

    /** The members of a team, active or not, in id order. */
    List<Person> members(Connection connection, long teamId);

    Optional<Team> team(Connection connection, long teamId);

    /** Every team, in id order. */
    List<Team> teams(Connection connection);

    Optional<Region> region(Connection connection, long regionId);

    /** Every region, in id order. */
    List<Region> regions(Connection connection);
}
