package dev.pacesetter.kernel.internal.db;

import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.platform.api.db.ModuleDatabase;

/**
 * A module's {@link ModuleDatabase} as a service that only the module's own bundle gets: {@link ModuleDatabaseVisibility}
 * hides it from every other bundle, and should one ask all the same, it gets nothing and the log says who asked.
 */
final class OwnModuleDatabase implements ServiceFactory<ModuleDatabase> {

    /** Service property: the id of the bundle the database belongs to. */
    static final String OWNER_PROPERTY = "pacesetter.module.bundle";

    private static final Logger LOG = LoggerFactory.getLogger(OwnModuleDatabase.class);

    private final long owner;
    private final ModuleDatabase database;

    private OwnModuleDatabase(long owner, ModuleDatabase database) {
        this.owner = owner;
        this.database = database;
    }

    static ServiceRegistration<ModuleDatabase> register(BundleContext kernel, Bundle owner, ModuleDatabase database) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ModuleDatabase.MODULE_PROPERTY, database.moduleId());
        props.put(OWNER_PROPERTY, owner.getBundleId());
        return kernel.registerService(ModuleDatabase.class, new OwnModuleDatabase(owner.getBundleId(), database), props);
    }

    @Override
    public ModuleDatabase getService(Bundle bundle, ServiceRegistration<ModuleDatabase> registration) {
        if (bundle.getBundleId() == owner) {
            return database;
        }
        LOG.error("Bundle {} asked for the database of module {}: refused, a module works on its own database only (another module's data"
                + " is reached through that module's api package)", bundle.getSymbolicName(), database.moduleId());
        return null;
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<ModuleDatabase> registration, ModuleDatabase service) {
    }
}
