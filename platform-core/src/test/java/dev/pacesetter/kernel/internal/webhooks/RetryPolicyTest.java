package dev.pacesetter.kernel.internal.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void waitsDoubleFromTheBaseWithinTwentyPercentAndAreCapped() {
        RetryPolicy low = new RetryPolicy(Duration.ofSeconds(1), 8, () -> 0.0);
        RetryPolicy middle = new RetryPolicy(Duration.ofSeconds(1), 8, () -> 0.5);
        RetryPolicy high = new RetryPolicy(Duration.ofSeconds(1), 8, () -> 0.999_999);
        assertEquals(Duration.ofMillis(800), low.delayAfter(1));
        assertEquals(Duration.ofSeconds(1), middle.delayAfter(1));
        assertEquals(Duration.ofSeconds(2), middle.delayAfter(2));
        assertEquals(Duration.ofSeconds(64), middle.delayAfter(7));
        assertEquals(Duration.ofMillis(1200), high.delayAfter(1));
        assertEquals(RetryPolicy.CAP, middle.delayAfter(40));
    }

    @Test
    void parksAfterTheLastAttempt() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), 3, () -> 0.5);
        assertFalse(policy.exhausted(2));
        assertTrue(policy.exhausted(3));
    }
}
