package dev.pacesetter.kernel.internal.schedule;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.pacesetter.kernel.internal.config.KernelConfig.SchedulerConfig;
import dev.pacesetter.kernel.internal.db.PooledDataSource;
import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.kernel.internal.modules.Whiteboard;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.kernel.internal.pilot.RegionsByModule;
import dev.pacesetter.platform.api.schedule.DeadlineHandler;

/**
 * The node's scheduler: db-scheduler over the shared database with two tasks, one firing every plugin
 * deadline and one running every plugin job; which deadline or job an execution is lives in its instance id
 * and data. (The library fixes its set of tasks at start, while plugins come and go: hence two generic
 * tasks dispatching to whiteboard services rather than one task per plugin.)
 */
public final class PlatformScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformScheduler.class);

    private final Scheduler scheduler;
    private final ScheduleWhiteboard whiteboard;
    private final RecurringTaskWithPersistentSchedule<JobData> jobTask;

    public PlatformScheduler(BundleContext context, Whiteboard contributions, DataSource dataSource, ModuleDatabase db,
            RegionsByModule enablement, JsonCodec json, Clock clock, SchedulerConfig config, String node) {
        TaskDataSerializer serializer = new TaskDataSerializer();
        this.whiteboard = new ScheduleWhiteboard(context, contributions, db, clock);
        CustomTask<DeadlineData> deadlineTask = Tasks.custom(DeadlineData.TASK, DeadlineData.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(DeadlineHandler.MAX_ATTEMPTS - 1,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(config.retryBase(), 2.0)))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute(new DeadlineFiring(whiteboard, db, enablement, json, serializer, clock));
        this.jobTask = Tasks.recurringWithPersistentSchedule(JobData.TASK, JobData.class)
                .execute(new JobRunning(whiteboard, db, enablement, serializer, clock));
        JdbcCustomization jdbc = jdbcFor(dataSource);
        var builder = Scheduler.create(dataSource, deadlineTask, jobTask)
                .serializer(serializer)
                .jdbcCustomization(jdbc)
                .schedulerName(new SchedulerName.Fixed(node))
                // the platform clock: an adjustable one moves deadlines and jobs along with everything else
                .clock(clock::instant)
                .threads(config.threads())
                .pollingInterval(config.poll())
                // work scheduled for now (a one-off job, a deadline already due) starts at once, not at the next poll
                .enableImmediateExecution()
                // a node that died in the middle of a run is noticed after 6 missed beats; its runs are revived
                .heartbeatInterval(Duration.ofSeconds(10))
                .shutdownMaxWait(Duration.ofSeconds(15))
                .failureLogging(LogLevel.DEBUG, false);
        if (jdbc.supportsSingleStatementLockAndFetch()) {
            // PostgreSQL: one statement picks due rows with SKIP LOCKED, so nodes never contend for a row
            builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        this.scheduler = builder.build();
    }

    /**
     * db-scheduler has no H2 dialect: its autodetection falls back to the default one and warns at every start that it
     * assumes zoned timestamps. Ours are {@code TIMESTAMP WITH TIME ZONE} (V5__scheduler.sql), so on H2 the default
     * is chosen here, said once, without the warning.
     */
    private static JdbcCustomization jdbcFor(DataSource dataSource) {
        return PooledDataSource.isH2(dataSource, false) ? new DefaultJdbcCustomization(false) : new AutodetectJdbcCustomization(dataSource);
    }

    /** Starts tracking handlers and jobs, then polling. */
    public void open() {
        whiteboard.open(scheduler, jobTask);
        scheduler.start();
        LOG.debug("Scheduler started");
    }

    /** Looks for due deadlines and jobs now, not at the next poll: the clock was moved forward. */
    public void checkNow() {
        scheduler.triggerCheckForDueExecutions();
    }

    /** Whether this node runs a handler for the deadlines of {@code module}/{@code kind}. */
    boolean hasDeadlineHandler(String module, String kind) {
        return whiteboard.deadlineHandler(module, kind).isPresent();
    }

    boolean hasJob(String module, String name) {
        return whiteboard.job(module, name).isPresent();
    }

    /** Finishes the runs in progress (bounded) and stops polling; call before the bundles stop. */
    @Override
    public void close() {
        scheduler.stop();
        whiteboard.close();
    }
}
