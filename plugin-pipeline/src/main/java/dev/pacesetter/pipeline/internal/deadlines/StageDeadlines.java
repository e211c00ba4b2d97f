package dev.pacesetter.pipeline.internal.deadlines;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import dev.pacesetter.pipeline.api.Stage;
import dev.pacesetter.pipeline.internal.domain.StageDeadlinePolicy;
import dev.pacesetter.pipeline.internal.store.StageDeadlinePolicyStore;
import dev.pacesetter.platform.api.schedule.Deadline;
import dev.pacesetter.platform.api.schedule.Deadlines;

/**
 * An opportunity's stage deadline, by its stage's {@link StageDeadlinePolicy}: set when the opportunity enters the
 * stage, moved by every customer feedback, cancelled when it leaves; {@link StageDeadlineHandler} acts when one passes.
 */
public final class StageDeadlines {

    private StageDeadlines() {
    }

    /**
     * Sets, moves or cancels the opportunity's stage deadline for it being in {@code stage} since {@code from}
     * (entering the stage or the last customer feedback): one pending deadline per opportunity at most.
     */
    public static void track(Connection c, Deadlines deadlines, long opportunityId, Long regionId, Stage stage, Instant from) throws SQLException {
        Optional<StageDeadlinePolicy> policy = stage.isOpen() ? StageDeadlinePolicyStore.of(c, stage) : Optional.empty();
        if (policy.isEmpty()) {
            deadlines.cancel(c, StageDeadlinePolicy.KIND, opportunityId);
            return;
        }
        Deadline deadline = Deadline.of(StageDeadlinePolicy.KIND, opportunityId, policy.get().dueAfter(from))
                .withData(new StageDeadlinePolicy.Due(stage.name(), from.toString()));
        deadlines.schedule(c, regionId == null ? deadline : deadline.inRegion(regionId));
    }
}
