package dev.pacesetter.pipeline.internal.services;

import java.time.Clock;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.pipeline.api.Opportunities;
import dev.pacesetter.pipeline.api.OpportunitySummary;
import dev.pacesetter.pipeline.internal.store.OpportunityStore;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.pilot.ModuleEnablement;
import dev.pacesetter.platform.api.security.Caller;
import dev.pacesetter.platform.api.time.PlatformClock;

/** {@link Opportunities} for other modules: the same scope and pilot gate as the pipeline's own routes. */
@Component(service = Opportunities.class)
public final class OpportunitiesService implements Opportunities {

    private final ModuleDatabase db;
    private final ModuleEnablement enablement;
    private final Clock clock;

    @Activate
    public OpportunitiesService(@Reference ModuleDatabase db, @Reference ModuleEnablement enablement, @Reference PlatformClock time) {
        this.db = db;
        this.enablement = enablement;
        this.clock = time.clock();
    }

    @Override
    public Optional<OpportunitySummary> find(Caller caller, long opportunityId) {
        if (!enablement.enabledRegions().admits(caller)) {
            return Optional.empty();
        }
        return db.inTransaction(c -> OpportunityStore.find(c, opportunityId, caller.scope(), false, clock.instant()))
                .map(o -> new OpportunitySummary(o.id(), o.accountId(), o.name(), o.ownerId(), o.stage(), o.amount(), o.product(),
                        o.expectedClose(), o.members()));
    }
}
