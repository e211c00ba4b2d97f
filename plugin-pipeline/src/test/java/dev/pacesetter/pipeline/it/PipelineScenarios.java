package dev.pacesetter.pipeline.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.pacesetter.testing.PilotOrganisation;
import dev.pacesetter.testing.SharedKernels;
import dev.pacesetter.testing.TestDatabase;
import dev.pacesetter.testing.TestKernel;

/**
 * Base of a class of pipeline scenarios on one database. Every class runs on the one kernel per database that the
 * module's integration tests share, and acts as the personas of the pilot organisation they share: a kernel start and
 * the nine password hashes of an organisation cost seconds. So each class makes records of its own (accounts and
 * opportunities under names no other class uses) and puts back what it changes for everyone (settings, a module
 * switched off in a region); the clock only moves forward, and what is backdated is backdated from the platform's
 * time. A test class nests an {@code OnH2} and an {@code OnPostgres} subclass.
 */
@ExtendWith(SharedKernels.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelineScenarios {

    protected final TestDatabase database;
    protected TestKernel kernel;
    protected PilotOrganisation org;

    PipelineScenarios(TestDatabase database) {
        this.database = database;
    }

    /**
     * The pipeline module with leads beside it (conversions) from the class path; a clock PipelineIT moves; deadlines
     * looked for every 100 ms, since tests wait for them.
     */
    static TestKernel.Builder pipelineKernel(TestDatabase database) {
        return TestKernel.on(database).adjustableClock().setting("scheduler.poll.ms", "100");
    }

    @BeforeAll
    void joinTheSharedKernel(SharedKernels kernels) {
        kernel = kernels.kernel(pipelineKernel(database));
        org = organisation(kernels);
    }

    /** The personas this class acts as: the shared pilot organisation, unless a class needs its own. */
    PilotOrganisation organisation(SharedKernels kernels) {
        return kernels.pilot(kernel);
    }
}
