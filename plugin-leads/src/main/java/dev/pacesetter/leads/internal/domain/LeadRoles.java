package dev.pacesetter.leads.internal.domain;

import dev.pacesetter.platform.api.Role;

/** The roles that may read leads: {@code GET /leads} and every route that shows a lead, its touches, follow-ups or grading. */
public final class LeadRoles {

    private static final Role[] READERS = {Role.ADMIN, Role.MANAGER, Role.REP, Role.MARKETING};

    private LeadRoles() {
    }

    /** The reading roles, as a new array each time (for {@code Route.roles}). */
    public static Role[] readers() {
        return READERS.clone();
    }
}
