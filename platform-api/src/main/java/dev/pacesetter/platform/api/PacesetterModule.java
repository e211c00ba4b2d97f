package dev.pacesetter.platform.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Header;

/**
 * Declares that the annotated bundle provides a Pacesetter module.
 *
 * <p>Put it on exactly one class or {@code package-info} of a plugin bundle. At build time bnd
 * writes it into the bundle manifest as
 * <pre>Pacesetter-Module: leads;name="Leads";dimension=PROCESS</pre>
 * so the kernel knows the module from the moment the bundle is installed — before any of its
 * components activate, and even when one of them fails. The module version is the bundle version.
 *
 * <p>The module owns every top-level resource its routes use ({@code /api/v1/<resource>/…}); a
 * module that claims a resource another module already owns is refused as a whole and reported
 * {@code FAILED} in {@code GET /api/v1/modules}.
 */
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Header(name = ModuleDescriptor.MANIFEST_HEADER, value = "${#id};name=\"${#name}\";dimension=${#dimension}")
public @interface PacesetterModule {

    /** Stable module id: lower-case letters, digits and dashes, e.g. {@code leads}. */
    String id();

    /** Human-readable name shown in the console and in {@code /api/v1/modules}; no double quotes. */
    String name();

    /** The strategy dimension the module belongs to. */
    Dimension dimension();
}
