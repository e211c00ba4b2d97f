package dev.pacesetter.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of a test class whose scenarios run on a kernel that the test classes of the run share ({@link SharedKernels}),
 * as the personas of the {@link PilotOrganisation} they share. Run every scenario on both databases by nesting an
 * {@code OnH2} and an {@code OnPostgres} subclass:
 *
 * <pre>
 * class NotesIT {
 *     &#64;Nested class OnH2 extends Scenarios { OnH2() { super(TestDatabase.H2); } }
 *     &#64;Nested class OnPostgres extends Scenarios { OnPostgres() { super(TestDatabase.POSTGRES); } }
 *
 *     abstract static class Scenarios extends SharedKernelScenarios {
 *         Scenarios(TestDatabase database) { super(database); }
 *
 *         &#64;Override protected TestKernel.Builder kernelFor(TestDatabase database) { return TestKernel.on(database).adjustableClock(); }
 *
 *         &#64;Test void aRepSeesOnlyTheirNotes() { org.as("rep1").get("/api/v1/notes").expect(200); }
 *     }
 * }
 * </pre>
 *
 * Classes sharing a kernel keep to records of their own and put back what they change for everyone.
 */
@ExtendWith(SharedKernels.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SharedKernelScenarios {

    /** The database this class's scenarios run on. */
    protected final TestDatabase database;
    /** The shared kernel, once {@code @BeforeAll} has run. */
    protected TestKernel kernel;
    /** The personas the scenarios act as, once {@code @BeforeAll} has run. */
    protected PilotOrganisation org;

    /** Scenarios on {@code database}. */
    protected SharedKernelScenarios(TestDatabase database) {
        this.database = database;
    }

    /** The kernel the scenarios run on; classes asking for equal ones share it. */
    protected abstract TestKernel.Builder kernelFor(TestDatabase database);

    /** The personas the scenarios act as: the pilot organisation of the shared kernel, unless a class needs its own. */
    protected PilotOrganisation organisation(SharedKernels kernels) {
        return kernels.pilot(kernel);
    }

    /** Takes the shared kernel (starting it if this class is the first to ask) and the organisation. */
    @BeforeAll
    void joinTheSharedKernel(SharedKernels kernels) {
        kernel = kernels.kernel(kernelFor(database));
        org = organisation(kernels);
    }
}
