package dev.pacesetter.pipeline.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.pacesetter.platform.api.http.FieldError;

/**
 * Who works an opportunity and with what weight: the owner and supporters, each weight above 0 and at most 1
 * with up to four decimals, adding up to exactly 1 (bonus pools are split by these weights later). Without
 * supporters the owner carries the whole weight.
 */
public final class Members {

    /** One member as the API carries it. */
    public record Member(Long userId, String role, BigDecimal weight) {
    }

    static final String OWNER = "OWNER";
    static final String SUPPORT = "SUPPORT";

    private Members() {
    }

    /** The members to store: the given list, or the owner alone with weight 1. */
    static List<Member> orOwnerAlone(List<Member> given, long ownerId) {
        return given == null || given.isEmpty() ? List.of(new Member(ownerId, OWNER, BigDecimal.ONE)) : given;
    }

    static List<FieldError> problems(List<Member> members, long ownerId) {
        List<FieldError> problems = new ArrayList<>();
        if (members.size() > 20) {
            problems.add(new FieldError("members", "at most 20 members"));
            return problems;
        }
        BigDecimal sum = BigDecimal.ZERO;
        Set<Long> seen = new HashSet<>();
        boolean ownerListed = false;
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            String at = "members[" + i + "]";
            if (m == null || m.userId() == null) {
                problems.add(new FieldError(at + ".userId", "is required"));
                continue;
            }
            if (!seen.add(m.userId())) {
                problems.add(new FieldError(at + ".userId", "user " + m.userId() + " is listed twice"));
            }
            ownerListed |= m.userId() == ownerId;
            if (m.weight() == null || m.weight().signum() <= 0 || m.weight().compareTo(BigDecimal.ONE) > 0
                    || m.weight().stripTrailingZeros().scale() > 4) {
                problems.add(new FieldError(at + ".weight", "must be above 0 and at most 1, with up to 4 decimals"));
            } else {
                sum = sum.add(m.weight());
            }
        }
        if (!ownerListed) {
            problems.add(new FieldError("members", "must include the owner (user " + ownerId + ")"));
        }
        if (problems.isEmpty() && sum.compareTo(BigDecimal.ONE) != 0) {
            problems.add(new FieldError("members", "weights add up to " + sum.stripTrailingZeros().toPlainString() + ", not 1"));
        }
        return problems;
    }

    /** The role to store: the owner is OWNER whatever the request says, everyone else SUPPORT. */
    static String roleOf(Member m, long ownerId) {
        return m.userId() == ownerId ? OWNER : SUPPORT;
    }
}
