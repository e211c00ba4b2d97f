package dev.pacesetter.leads.internal.domain;

import java.util.Optional;

import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.i18n.Message;

/** Who may give a lead to whom: anyone to themselves, a manager to people they manage, an administrator to anyone active. */
public final class OwnerCheck {

    private OwnerCheck() {
    }

    /** Why {@code caller} may not make {@code owner} (the user {@code ownerId}) a lead's owner, if they may not. */
    public static Optional<FieldError> refusal(Caller caller, long ownerId, Optional<Owner> owner) {
        if (owner.isEmpty() || !owner.get().active()) {
            return Optional.of(new FieldError("ownerId", Message.of("field.owner.no-user", ownerId)));
        }
        boolean allowed = caller.hasRole(Role.ADMIN) || ownerId == caller.userId()
                || (caller.hasRole(Role.MANAGER) && caller.scope().permits(ownerId, Optional.ofNullable(owner.get().teamId()),
                        Optional.ofNullable(owner.get().regionId())));
        return allowed ? Optional.empty()
                : Optional.of(new FieldError("ownerId", Message.of("field.owner.not-yours")));
    }
}
