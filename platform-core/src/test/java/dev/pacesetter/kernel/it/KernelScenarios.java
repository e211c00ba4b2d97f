package dev.pacesetter.kernel.it;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of a scenario class that runs against one real kernel per database: a test class nests an
 * {@code OnH2} and an {@code OnPostgres} subclass, so every scenario runs on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KernelScenarios {

    protected final Database database;
    private final List<String> fixtures;
    private final String[] flags;
    protected KernelHarness kernel;

    KernelScenarios(Database database, List<String> fixtures, String... flags) {
        this.database = database;
        this.fixtures = fixtures;
        this.flags = flags;
    }

    @BeforeAll
    void startKernel() throws Exception {
        kernel = KernelHarness.start(database, fixtures, flags);
    }

    @AfterAll
    void stopKernel() throws Exception {
        if (kernel != null) {
            kernel.close();
        }
    }
}
