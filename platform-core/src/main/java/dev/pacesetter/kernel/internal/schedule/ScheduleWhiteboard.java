package dev.pacesetter.kernel.internal.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;

import dev.pacesetter.kernel.internal.modules.ModuleRecord;
import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.kernel.internal.modules.Whiteboard;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.schedule.Deadline;
import dev.pacesetter.platform.api.schedule.DeadlineHandler;
import dev.pacesetter.platform.api.schedule.ScheduledJob;

/**
 * Tracks the {@link DeadlineHandler} and {@link ScheduledJob} services of every module. A job's schedule is
 * written to the scheduler's table when the job appears; a deadline handler that appears wakes the deadlines
 * that waited for it. A service going away waits for its runs in progress.
 */
final class ScheduleWhiteboard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleWhiteboard.class);
    private static final Pattern JOB_NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,59}");
    /** How long a stopping bundle waits for its deadlines and jobs in progress. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final BundleContext context;
    private final Whiteboard whiteboard;
    private final ModuleRegistry modules;
    private final ModuleDatabase db;
    private final Clock clock;
    private final Map<String, HandlerSlot<DeadlineHandler>> deadlineHandlers = new ConcurrentHashMap<>();
    private final Map<String, HandlerSlot<ScheduledJob>> jobs = new ConcurrentHashMap<>();
    private final ServiceTracker<DeadlineHandler, HandlerSlot<DeadlineHandler>> deadlineTracker;
    private final ServiceTracker<ScheduledJob, HandlerSlot<ScheduledJob>> jobTracker;
    private SchedulerClient client;
    private RecurringTaskWithPersistentSchedule<JobData> jobTask;

    ScheduleWhiteboard(BundleContext context, Whiteboard whiteboard, ModuleDatabase db, Clock clock) {
        this.context = context;
        this.whiteboard = whiteboard;
        this.modules = whiteboard.modules();
        this.db = db;
        this.clock = clock;
        this.deadlineTracker = new ServiceTracker<>(context, DeadlineHandler.class, new DeadlineHandlers());
        this.jobTracker = new ServiceTracker<>(context, ScheduledJob.class, new Jobs());
    }

    void open(SchedulerClient schedulerClient, RecurringTaskWithPersistentSchedule<JobData> recurringTask) {
        this.client = schedulerClient;
        this.jobTask = recurringTask;
        deadlineTracker.open(true);
        jobTracker.open(true);
    }

    Optional<HandlerSlot<DeadlineHandler>> deadlineHandler(String module, String kind) {
        return Optional.ofNullable(deadlineHandlers.get(module + ":" + kind));
    }

    Optional<HandlerSlot<ScheduledJob>> job(String module, String name) {
        return Optional.ofNullable(jobs.get(module + ":" + name));
    }

    @Override
    public void close() {
        jobTracker.close();
        deadlineTracker.close();
    }

    private Optional<String> moduleOf(ServiceReference<?> reference, Object service, String what) {
        Optional<String> module = modules.recordOf(reference.getBundle()).map(ModuleRecord::id);
        if (module.isEmpty()) {
            LOG.error("{} {} of bundle {} is refused: the bundle declares no Pacesetter module", what, service.getClass().getName(),
                    reference.getBundle().getSymbolicName());
        }
        return module;
    }

    private void refuse(ServiceReference<?> reference, String what, String reason) {
        whiteboard.refuseObtained(reference, what, reason);
    }

    private final class DeadlineHandlers implements ServiceTrackerCustomizer<DeadlineHandler, HandlerSlot<DeadlineHandler>> {

        @Override
        public HandlerSlot<DeadlineHandler> addingService(ServiceReference<DeadlineHandler> reference) {
            Optional<DeadlineHandler> obtained = whiteboard.obtain(reference, DeadlineHandler.class, "Deadline handler");
            if (obtained.isEmpty()) {
                return null;
            }
            DeadlineHandler handler = obtained.get();
            Optional<String> module = moduleOf(reference, handler, "Deadline handler");
            String kind;
            try {
                kind = handler.kind();
                if (kind == null || !Deadline.KIND.matcher(kind).matches()) {
                    throw new IllegalArgumentException("kind must look like 'lead.first-touch': " + kind);
                }
            } catch (RuntimeException e) {
                refuse(reference, "Deadline handler " + handler.getClass().getName(), "is refused: " + e.getMessage());
                return null;
            }
            if (module.isEmpty()) {
                context.ungetService(reference);
                return null;
            }
            HandlerSlot<DeadlineHandler> slot = new HandlerSlot<>(module.get(), handler);
            if (deadlineHandlers.putIfAbsent(module.get() + ":" + kind, slot) != null) {
                refuse(reference, "Deadline handler " + handler.getClass().getName(),
                        "is refused: module " + module.get() + " already has a handler for '" + kind + "'");
                return null;
            }
            int woken = db.inTransaction(c -> DeadlineRows.wake(c, module.get(), kind, clock.instant()));
            LOG.info("Deadline handler for {}/{} registered{}", module.get(), kind,
                    woken == 0 ? "" : "; " + woken + " deadline(s) that waited for it are due now");
            return slot;
        }

        @Override
        public void modifiedService(ServiceReference<DeadlineHandler> reference, HandlerSlot<DeadlineHandler> slot) {
            // the kind is read once
        }

        @Override
        public void removedService(ServiceReference<DeadlineHandler> reference, HandlerSlot<DeadlineHandler> slot) {
            deadlineHandlers.values().remove(slot);
            if (!slot.closeQuietly(STOP_WAIT)) {
                LOG.warn("A deadline handler of module {} was still running after {} s while its bundle stopped", slot.module(),
                        STOP_WAIT.toSeconds());
            }
            context.ungetService(reference);
        }
    }

    private final class Jobs implements ServiceTrackerCustomizer<ScheduledJob, HandlerSlot<ScheduledJob>> {

        @Override
        public HandlerSlot<ScheduledJob> addingService(ServiceReference<ScheduledJob> reference) {
            Optional<ScheduledJob> obtained = whiteboard.obtain(reference, ScheduledJob.class, "Scheduled job");
            if (obtained.isEmpty()) {
                return null;
            }
            ScheduledJob job = obtained.get();
            Optional<String> module = moduleOf(reference, job, "Scheduled job");
            JobData data;
            try {
                String name = job.name();
                if (name == null || !JOB_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("name must look like 'tiers.recompute': " + name);
                }
                data = module.isEmpty() ? null : JobData.of(module.get(), name, job.schedule());
            } catch (RuntimeException e) {
                refuse(reference, "Scheduled job " + job.getClass().getName(), "is refused: " + e.getMessage());
                return null;
            }
            if (data == null) {
                context.ungetService(reference);
                return null;
            }
            HandlerSlot<ScheduledJob> slot = new HandlerSlot<>(data.module(), job);
            if (jobs.putIfAbsent(data.instanceId(), slot) != null) {
                refuse(reference, "Scheduled job " + job.getClass().getName(),
                        "is refused: module " + data.module() + " already has a job named '" + data.name() + "'");
                return null;
            }
            keepSchedule(data);
            return slot;
        }

        @Override
        public void modifiedService(ServiceReference<ScheduledJob> reference, HandlerSlot<ScheduledJob> slot) {
            // name and schedule are read once
        }

        @Override
        public void removedService(ServiceReference<ScheduledJob> reference, HandlerSlot<ScheduledJob> slot) {
            jobs.values().remove(slot);
            if (!slot.closeQuietly(STOP_WAIT)) {
                LOG.warn("A job of module {} was still running after {} s while its bundle stopped", slot.module(), STOP_WAIT.toSeconds());
            }
            context.ungetService(reference);
        }
    }

    /**
     * Writes the job's schedule unless the same one is stored (another node, or an earlier start, wrote it):
     * a job's next run survives restarts instead of being recomputed from every start.
     */
    private void keepSchedule(JobData data) {
        try {
            if (client.scheduleIfNotExists(jobTask.schedulableInstance(data.instanceId(), data))) {
                LOG.info("Job {}/{} scheduled: {}", data.module(), data.name(), data.describe());
                return;
            }
            Object stored = client.getScheduledExecution(TaskInstanceId.of(JobData.TASK, data.instanceId()))
                    .map(e -> e.getData()).orElse(null);
            if (!data.equals(stored)) {
                client.reschedule(jobTask.schedulableInstance(data.instanceId(), data));
                LOG.info("Job {}/{} rescheduled: {}", data.module(), data.name(), data.describe());
            }
        } catch (TaskInstanceException e) {
            LOG.warn("Job {}/{}: the new schedule ({}) could not be stored now ({}); it applies when the bundle is next started",
                    data.module(), data.name(), data.describe(), e.getMessage());
        }
    }
}
