package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class NpsTest {

    @Test
    void promotersLessDetractorsInPercentToOneDecimal() {
        assertEquals(new BigDecimal("33.3"), Nps.of(List.of(10, 9, 8, 3, 10, 7)), "3 promoters, 1 detractor of 6");
        assertEquals(new BigDecimal("-100.0"), Nps.of(List.of(0, 6)));
        assertNull(Nps.of(List.of()), "no answers, no score");
    }

    @Test
    void sevenAndEightArePassiveAndNothingOutsideZeroToTenIsAScore() {
        assertEquals(Nps.Category.PASSIVE, Nps.categoryOf(7));
        assertEquals(Nps.Category.DETRACTOR, Nps.categoryOf(6));
        assertEquals(Nps.Category.PROMOTER, Nps.categoryOf(9));
        assertThrows(IllegalArgumentException.class, () -> Nps.categoryOf(11));
    }
}
