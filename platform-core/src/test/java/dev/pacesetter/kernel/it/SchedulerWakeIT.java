package dev.pacesetter.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Due work does not wait for the scheduler's poll: with a poll of ten minutes, deadlines fire as soon as an
 * administrator moves the clock past them. Before, a step of the clock (and a one-off job queued for now) waited up
 * to a whole poll.
 */
class SchedulerWakeIT {

    @ParameterizedTest
    @EnumSource(Database.class)
    void movingTheClockPastDeadlinesFiresThemWithoutWaitingForThePoll(Database database) throws Exception {
        try (KernelHarness kernel = KernelHarness.start(database, List.of("timers"),
                KernelHarness.withAdjustableClock("--scheduler-poll-ms=600000"))) {
            KernelHarness.await(Duration.ofSeconds(20), () -> kernel.http().get("/api/v1/timers/fired").status() == 200,
                    "the timers fixture never served");
            Http.Result scheduled = kernel.http().post("/api/v1/timers/deadlines",
                    "{\"prefix\":\"woken\",\"count\":5,\"dueInMs\":3600000,\"spreadMs\":1000,\"regionId\":null}");
            assertEquals(200, scheduled.status(), scheduled.body());
            assertEquals(0, fired(kernel), "none before its time");

            kernel.advanceClock(Duration.ofMinutes(61));
            // far less than the ten-minute poll: only the clock's step can have started them
            KernelHarness.await(Duration.ofSeconds(30), () -> fired(kernel) == 5, "the deadlines did not fire after the clock moved");
        }
    }

    private static int fired(KernelHarness kernel) {
        return kernel.http().get("/api/v1/timers/fired?prefix=woken").json().path("count").asInt();
    }
}
