package dev.pacesetter.leads.it;

import dev.pacesetter.testing.SharedKernelScenarios;
import dev.pacesetter.testing.TestDatabase;
import dev.pacesetter.testing.TestKernel;

/**
 * Base of a class of leads scenarios on one database. Every class runs on the one kernel per database that the module's
 * integration tests share, and acts as the personas of the pilot organisation they share: a kernel start and the
 * nine password hashes of an organisation cost seconds. So each class makes records of its own (names, phones, e-mails
 * no other class uses) and puts back what it changes for everyone (grading rules, policies, a module switched off in
 * a region); the clock only moves forward, so nothing relies on it standing still. A test class nests an
 * {@code OnH2} and an {@code OnPostgres} subclass.
 */
abstract class LeadsScenarios extends SharedKernelScenarios {

    LeadsScenarios(TestDatabase database) {
        super(database);
    }

    /**
     * The leads module and leadwatch (a plugin consuming its events through its api package), installed over REST so
     * that LeadsReinstallIT can uninstall the module; a clock the follow-up tests move; {@code deploy/} scanned often,
     * since a test drops the module's configuration file there.
     */
    @Override
    protected TestKernel.Builder kernelFor(TestDatabase database) {
        return TestKernel.on(database).installedOverRest("leads").installedOverRest("leadwatch").adjustableClock().setting("deploy.poll.ms", "100");
    }
}
