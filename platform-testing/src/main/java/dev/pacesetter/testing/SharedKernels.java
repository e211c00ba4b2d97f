package dev.pacesetter.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that lets the test classes of a run share started kernels: a kernel start takes seconds, a test
 * seldom needs a fresh one. The first test to ask for a configuration starts it; every later one with an equal
 * {@link TestKernel.Builder} gets the same kernel; JUnit stops it when the whole run ends (it lives in the root
 * context's store). Tests that share a kernel keep apart through their data — their own {@link PilotOrganisation},
 * unique names, phones, e-mails — and put back what they change for everyone (a module switched off, a setting).
 * Never {@link TestKernel#close() close} a shared kernel. {@link SharedKernelScenarios} is a base class that does the
 * following for its subclasses:
 *
 * <pre>
 * &#64;ExtendWith(SharedKernels.class)
 * &#64;TestInstance(TestInstance.Lifecycle.PER_CLASS)
 * class NotesIT {
 *     TestKernel kernel;
 *     PilotOrganisation org;
 *
 *     &#64;BeforeAll
 *     void kernel(SharedKernels kernels) {
 *         kernel = kernels.kernel(TestKernel.on(TestDatabase.H2).adjustableClock());
 *         org = kernels.pilot(kernel);
 *     }
 * }
 * </pre>
 */
public final class SharedKernels implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedKernels.class);

    private final ExtensionContext.Store store;

    /** The extension itself, as {@code @ExtendWith} creates it: it hands tests a {@code SharedKernels} parameter. */
    public SharedKernels() {
        this(null);
    }

    private SharedKernels(ExtensionContext.Store store) {
        this.store = store;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SharedKernels.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new SharedKernels(context.getRoot().getStore(NAMESPACE));
    }

    /** The kernel {@code builder} describes: started by the first test that asks, stopped when the test run ends. */
    public TestKernel kernel(TestKernel.Builder builder) {
        return store().getOrComputeIfAbsent(builder.configuration(), key -> builder.start(), TestKernel.class);
    }

    /**
     * The {@link PilotOrganisation} that the test classes sharing {@code kernel} share: made by the first that asks.
     * Cheaper than one per class (each persona is a password hash to make and one to check), for classes whose
     * records do not get in each other's way; a class that makes records by the hundred for a persona makes its own.
     */
    public PilotOrganisation pilot(TestKernel kernel) {
        return store().getOrComputeIfAbsent(new Pilot(kernel), key -> PilotOrganisation.create(kernel), PilotOrganisation.class);
    }

    /** The store key of a kernel's shared pilot organisation. */
    private record Pilot(TestKernel kernel) {
    }

    private ExtensionContext.Store store() {
        if (store == null) {
            throw new IllegalStateException("take SharedKernels as a parameter of a test or @BeforeAll method (with @ExtendWith(SharedKernels.class))");
        }
        return store;
    }
}
