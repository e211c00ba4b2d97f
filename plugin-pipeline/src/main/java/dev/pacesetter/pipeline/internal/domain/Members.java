package dev.pacesetter.pipeline.internal.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.i18n.Message;

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
    public static List<Member> orOwnerAlone(List<Member> given, long ownerId) {
        return given == null || given.isEmpty() ? List.of(new Member(ownerId, OWNER, BigDecimal.ONE)) : given;
    }

    public static List<FieldError> problems(List<Member> members, long ownerId) {
        List<FieldError> problems = new ArrayList<>();
        if (members.size() > 20) {
            problems.add(new FieldError("members", Message.of("field.members.too-many", 20)));
            return problems;
        }
        BigDecimal sum = BigDecimal.ZERO;
        Set<Long> seen = new HashSet<>();
        boolean ownerListed = false;
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            String at = "members[" + i + "]";
            if (m == null || m.userId() == null) {
                problems.add(new FieldError(at + ".userId", Message.of("field.required")));
                continue;
            }
            if (!seen.add(m.userId())) {
                problems.add(new FieldError(at + ".userId", Message.of("field.members.twice", m.userId())));
            }
            ownerListed |= m.userId() == ownerId;
            if (m.weight() == null || m.weight().signum() <= 0 || m.weight().compareTo(BigDecimal.ONE) > 0
                    || m.weight().stripTrailingZeros().scale() > 4) {
                problems.add(new FieldError(at + ".weight", Message.of("field.members.weight")));
            } else {
                sum = sum.add(m.weight());
            }
        }
        if (!ownerListed) {
            problems.add(new FieldError("members", Message.of("field.members.owner", ownerId)));
        }
        if (problems.isEmpty() && sum.compareTo(BigDecimal.ONE) != 0) {
            problems.add(new FieldError("members", Message.of("field.members.sum", sum.stripTrailingZeros().toPlainString())));
        }
        return problems;
    }

    /** The role to store: the owner is OWNER whatever the request says, everyone else SUPPORT. */
    public static String roleOf(Member m, long ownerId) {
        return m.userId() == ownerId ? OWNER : SUPPORT;
    }
}
