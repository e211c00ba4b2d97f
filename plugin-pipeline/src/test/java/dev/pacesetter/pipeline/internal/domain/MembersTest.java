package dev.pacesetter.pipeline.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.TestTexts;

class MembersTest {

    private static Members.Member m(long user, String weight) {
        return new Members.Member(user, null, new BigDecimal(weight));
    }

    private static List<String> messages(List<Members.Member> members) {
        return Members.problems(members, 1).stream().map(e -> TestTexts.render(e.text(), Language.EN)).toList();
    }

    @Test
    void thePlansSplitIsAccepted() {
        assertTrue(Members.problems(List.of(m(1, "0.5"), m(2, "0.3"), m(3, "0.2")), 1).isEmpty());
        assertTrue(Members.problems(Members.orOwnerAlone(null, 1), 1).isEmpty(), "the owner alone carries 1");
    }

    @Test
    void weightsThatDoNotAddUpAreRefusedWithTheirSum() {
        assertEquals(List.of("weights add up to 0.9, not 1"), messages(List.of(m(1, "0.5"), m(2, "0.4"))));
        assertEquals(List.of("weights add up to 1.0001, not 1"), messages(List.of(m(1, "0.5001"), m(2, "0.5"))));
    }

    @Test
    void theOwnerMustBeAMemberOnceAndWeightsMustBeSensible() {
        assertEquals(List.of("must include the owner (user 1)"), messages(List.of(m(2, "1"))));
        assertEquals(List.of("user 1 is listed twice"), messages(List.of(m(1, "0.5"), m(1, "0.5"))));
        assertEquals(List.of("must be above 0 and at most 1, with up to 4 decimals"), messages(List.of(m(1, "1"), m(2, "0"))));
        assertEquals(List.of("must be above 0 and at most 1, with up to 4 decimals"), messages(List.of(m(1, "0.33333"), m(2, "0.6667"))));
    }
}
