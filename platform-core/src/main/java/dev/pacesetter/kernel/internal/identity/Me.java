package dev.pacesetter.kernel.internal.identity;

import java.util.List;

import dev.pacesetter.platform.api.security.Caller;

/** {@code GET /api/v1/me}, and the user a sign-in answers with: who the token belongs to. */
public record Me(long id, String username, List<String> roles, Long teamId, Long regionId, String language) {

    static Me of(Caller caller) {
        return new Me(caller.userId(), caller.username(), caller.roles().stream().map(Enum::name).sorted().toList(),
                caller.teamId().orElse(null), caller.regionId().orElse(null), caller.language().tag());
    }
}
