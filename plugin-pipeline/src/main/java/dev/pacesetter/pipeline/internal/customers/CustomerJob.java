package dev.pacesetter.pipeline.internal.customers;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.events.EventPublisher;
import dev.pacesetter.platform.api.notify.Notifier;
import dev.pacesetter.platform.api.pilot.EnabledRegions;
import dev.pacesetter.platform.api.schedule.JobRun;
import dev.pacesetter.platform.api.schedule.JobSchedule;
import dev.pacesetter.platform.api.schedule.ScheduledJob;
import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * Every night at 02:00 (Asia/Shanghai): every account in a region where the pipeline is on gets its tier and
 * health recomputed, each in its own transaction (one failing account does not hold up the others). Runs
 * recompute rather than increment, so a repeated run changes nothing more.
 */
@Component(service = ScheduledJob.class)
public final class CustomerJob implements ScheduledJob {

    /** What a run did. */
    public record Totals(int accounts, int tierChanges, int healthDrops, int failures) {
    }

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final System.Logger LOG = System.getLogger(CustomerJob.class.getName());

    private final ModuleDatabase db;
    private final CustomerCare care;

    @Activate
    public CustomerJob(@Reference ModuleDatabase db, @Reference EventPublisher events,
            @Reference Notifier notifier, @Reference PlatformClock time) {
        this.db = db;
        this.care = new CustomerCare(db, events, notifier, time.clock());
    }

    @Override
    public String name() {
        return "customers.recompute";
    }

    @Override
    public JobSchedule schedule() {
        return JobSchedule.daily(LocalTime.of(2, 0), ZONE);
    }

    @Override
    public void run(JobRun run) {
        Totals totals = recomputeAll(db, care, run.regions());
        LOG.log(System.Logger.Level.INFO, "customer tiers and health recomputed: {0}", totals);
        if (totals.failures() > 0) {
            throw new IllegalStateException(totals.failures() + " of " + totals.accounts() + " accounts could not be recomputed (see the log)");
        }
    }

    public static Totals recomputeAll(ModuleDatabase db, CustomerCare care, EnabledRegions regions) {
        List<Long> accounts = db.inTransaction(c -> CustomerCare.accountsIn(c, regions));
        int changes = 0;
        int drops = 0;
        int failures = 0;
        for (long id : accounts) {
            try {
                CustomerCare.Outcome outcome = db.inTransaction(c -> care.recompute(c, id));
                changes += outcome.tierChanged() ? 1 : 0;
                drops += outcome.healthDropped() ? 1 : 0;
            } catch (RuntimeException e) {
                failures++;
                LOG.log(System.Logger.Level.WARNING, "account " + id + ": tier and health not recomputed", e);
            }
        }
        return new Totals(accounts.size(), changes, drops, failures);
    }
}
