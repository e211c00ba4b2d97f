/**
 * Money: an exact amount with its currency, validated the same way in every module, and split into parts
 * that add up to the whole to the cent.
 */
@Export
@Version("1.1.0")
package dev.pacesetter.platform.api.money;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
