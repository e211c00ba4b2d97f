/**
 * Module identity: how a plugin bundle declares the Pacesetter module it provides.
 *
 * <p>A plugin annotates one class (or its {@code package-info}) with
 * {@link dev.pacesetter.platform.api.PacesetterModule}; bnd turns that into the
 * {@code Pacesetter-Module} manifest header the kernel reads when the bundle is installed.
 */
@Export
@Version("1.0.0")
package dev.pacesetter.platform.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
