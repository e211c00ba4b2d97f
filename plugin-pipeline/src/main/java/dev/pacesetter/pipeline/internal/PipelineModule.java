package dev.pacesetter.pipeline.internal;

import org.osgi.service.component.annotations.Component;

import dev.pacesetter.platform.api.Dimension;
import dev.pacesetter.platform.api.PacesetterModule;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.SchemaMigrations;

/** Declares the pipeline module; its tables are in db/migration. */
@PacesetterModule(id = PipelineModule.ID, name = "Pipeline", dimension = Dimension.PROCESS)
@Component(service = SchemaMigrations.class)
public final class PipelineModule implements SchemaMigrations {

    public static final String ID = "pipeline";
    /** The component target of this module's database. */
    public static final String DATABASE = "(" + ModuleDatabase.MODULE_PROPERTY + "=" + ID + ")";
}
