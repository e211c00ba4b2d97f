package dev.pacesetter.pipeline.internal.domain;

import java.time.Duration;
import java.time.Instant;

import dev.pacesetter.pipeline.api.Stage;

/**
 * How long an opportunity may stay in a stage without customer feedback before the owner is reminded; the
 * plan's default is "proposal submitted and no feedback for 3 days → customer care reminder". The deadline is
 * set when the opportunity enters the stage, moved by every customer feedback, and cancelled when it leaves.
 */
public record StageDeadlinePolicy(Stage stage, String within, String rule, boolean active) {

    /** The deadline kind, keyed by the opportunity id. */
    public static final String KIND = "stage.no-feedback";

    /** @param within an ISO-8601 duration as an administrator wrote it ({@code P3D}); shown back the same way */
    public StageDeadlinePolicy {
        Duration.parse(within);
    }

    public Duration duration() {
        return Duration.parse(within);
    }

    public Instant dueAfter(Instant from) {
        return from.plus(duration());
    }

    /** What the deadline remembers: the stage it watches and since when. */
    public record Due(String stage, String since) {
    }
}
