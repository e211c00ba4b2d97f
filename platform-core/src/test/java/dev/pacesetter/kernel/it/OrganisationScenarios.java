package dev.pacesetter.kernel.it;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;

/** {@link KernelScenarios} with the {@link PilotOrganisation} built over REST once the kernel runs. */
abstract class OrganisationScenarios extends KernelScenarios {

    protected PilotOrganisation org;

    OrganisationScenarios(Database database, List<String> fixtures, String... flags) {
        super(database, fixtures, flags);
    }

    @BeforeAll
    void buildOrganisation() {
        org = PilotOrganisation.create(kernel);
    }
}
