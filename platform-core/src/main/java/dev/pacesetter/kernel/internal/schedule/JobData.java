package dev.pacesetter.kernel.internal.schedule;

import java.time.Duration;
import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.github.kagkarlsson.scheduler.task.helper.ScheduleAndData;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import dev.pacesetter.platform.api.schedule.JobSchedule;

/**
 * What the scheduler's row of one recurring job holds (as JSON): whose it is and its schedule, so the
 * schedule survives restarts and every node reads the same one.
 *
 * @param cron six-field cron expression, or null for an interval
 * @param zone the cron's time zone
 * @param intervalMillis the interval, or null for a cron schedule
 */
public record JobData(String module, String name, String cron, String zone, Long intervalMillis) implements ScheduleAndData {

    /** The scheduler's task that runs every recurring job; the instance id says which one. */
    public static final String TASK = "job";

    /** @throws IllegalArgumentException if the cron expression is not one */
    static JobData of(String module, String name, JobSchedule schedule) {
        JobData data = schedule.cronExpression() != null
                ? new JobData(module, name, schedule.cronExpression(), schedule.zone().getId(), null)
                : new JobData(module, name, null, null, schedule.interval().toMillis());
        data.getSchedule(); // parses the expression now, while the registering bundle can be told
        return data;
    }

    public String instanceId() {
        return module + ":" + name;
    }

    @Override
    @JsonIgnore
    public Schedule getSchedule() {
        return cron != null ? Schedules.cron(cron, ZoneId.of(zone)) : Schedules.fixedDelay(Duration.ofMillis(intervalMillis));
    }

    @Override
    @JsonIgnore
    public Object getData() {
        return null;
    }

    /** As administrators read it. */
    String describe() {
        return cron != null ? "cron '" + cron + "' " + zone : "every " + Duration.ofMillis(intervalMillis);
    }
}
