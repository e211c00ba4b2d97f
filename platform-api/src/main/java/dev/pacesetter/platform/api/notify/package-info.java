/**
 * Notifications: alerts in users' inboxes, raised by plugins through
 * {@link dev.pacesetter.platform.api.notify.Notifier}.
 */
@Export
@Version("1.1.0")
package dev.pacesetter.platform.api.notify;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
