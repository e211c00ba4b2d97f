package dev.pacesetter.platform.api.org;

/**
 * The platform's organisation events (module {@code platform}), published in the transaction of the change. Subscribe
 * with an {@link dev.pacesetter.platform.api.events.EventSubscriber} on {@code platform/*} or a topic below.
 */
public final class OrgTopics {

    /** A user was created. Payload {@link PersonChanged}. */
    public static final String USER_CREATED = "platform/user.created";
    /** A user changed team or region. Payload {@link PersonChanged} with the previous team and region. */
    public static final String USER_MOVED = "platform/user.moved";
    /** A user's name, roles, hire date or language changed (not their team). Payload {@link PersonChanged}. */
    public static final String USER_CHANGED = "platform/user.changed";
    /** A user was deactivated: they can no longer sign in, their records stay. Payload {@link PersonChanged}. */
    public static final String USER_DEACTIVATED = "platform/user.deactivated";
    /** A deactivated user was let in again. Payload {@link PersonChanged}. */
    public static final String USER_REACTIVATED = "platform/user.reactivated";
    /** A team got another manager (or none). Payload {@link TeamManagerChanged}. */
    public static final String TEAM_MANAGER_CHANGED = "platform/team.manager-changed";

    private OrgTopics() {
    }
}
