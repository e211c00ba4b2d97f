package dev.pacesetter.platform.api.schedule;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

import dev.pacesetter.platform.api.pilot.EnabledRegions;

/** One occurrence of a {@link ScheduledJob}. Implemented by the kernel. */
@ProviderType
public interface JobRun {

    /** The occurrence's planned time (e.g. 02:00 of the night being processed), not the time it started. */
    Instant scheduledFor();

    /** The regions the module is switched on for now; the job leaves out the others. */
    EnabledRegions regions();
}
