package dev.pacesetter.kernel.internal.pilot;

import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

import dev.pacesetter.kernel.internal.modules.ModuleRegistry;
import dev.pacesetter.platform.api.pilot.EnabledRegions;
import dev.pacesetter.platform.api.pilot.ModuleEnablement;

/** Gives every bundle its own {@link ModuleEnablement}, whose {@code enabledRegions()} means that bundle's module. */
public final class ModuleEnablementFactory implements ServiceFactory<ModuleEnablement> {

    private final ModuleRegistry modules;
    private final RegionsByModule regions;

    public ModuleEnablementFactory(ModuleRegistry modules, RegionsByModule regions) {
        this.modules = modules;
        this.regions = regions;
    }

    @Override
    public ModuleEnablement getService(Bundle bundle, ServiceRegistration<ModuleEnablement> registration) {
        Supplier<String> module = modules.moduleOf(bundle, "ask where its module is switched on");
        return new ModuleEnablement() {
            @Override
            public EnabledRegions enabledRegions() {
                return regions.enabledRegions(module.get());
            }

            @Override
            public EnabledRegions enabledRegions(String moduleId) {
                return regions.enabledRegions(moduleId);
            }
        };
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<ModuleEnablement> registration, ModuleEnablement service) {
        // stateless
    }
}
