package dev.pacesetter.leads.internal;

import org.osgi.service.component.annotations.Component;

import dev.pacesetter.platform.api.Dimension;
import dev.pacesetter.platform.api.PacesetterModule;
import dev.pacesetter.platform.api.db.SchemaMigrations;

/** Declares the leads module; its tables are in db/migration. */
@PacesetterModule(id = LeadsModule.ID, name = "Leads", dimension = Dimension.PROCESS)
@Component(service = SchemaMigrations.class)
public final class LeadsModule implements SchemaMigrations {

    public static final String ID = "leads";
    /** The component target of this module's database. */
    public static final String DATABASE = "(" + dev.pacesetter.platform.api.db.ModuleDatabase.MODULE_PROPERTY + "=" + ID + ")";
}
