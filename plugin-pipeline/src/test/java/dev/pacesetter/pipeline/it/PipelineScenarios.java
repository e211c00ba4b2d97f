package dev.pacesetter.pipeline.it;

import dev.pacesetter.testing.SharedKernelScenarios;
import dev.pacesetter.testing.TestDatabase;
import dev.pacesetter.testing.TestKernel;

/**
 * Base of a class of pipeline scenarios on one database. Every class runs on the one kernel per database that the
 * module's integration tests share, and acts as the personas of the pilot organisation they share: a kernel start and
 * the nine password hashes of an organisation cost seconds. So each class makes records of its own (accounts and
 * opportunities no other class looks for) and puts back what it changes for everyone (settings, a module switched off
 * in a region); the clock only moves forward, and what is backdated is backdated from the platform's time. A test
 * class nests an {@code OnH2} and an {@code OnPostgres} subclass.
 */
abstract class PipelineScenarios extends SharedKernelScenarios {

    PipelineScenarios(TestDatabase database) {
        super(database);
    }

    /**
     * The pipeline module with leads beside it (conversions), from the class path; a clock PipelineIT moves; deadlines
     * looked for every 100 ms, since tests wait for them.
     */
    @Override
    protected TestKernel.Builder kernelFor(TestDatabase database) {
        return TestKernel.on(database).adjustableClock().setting("scheduler.poll.ms", "100");
    }
}
