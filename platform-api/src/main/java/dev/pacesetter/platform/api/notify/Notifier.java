package dev.pacesetter.platform.api.notify;

import java.sql.Connection;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Puts notifications in users' inboxes ({@code GET /api/v1/notifications}). A service the kernel
 * provides to each bundle; the module is recorded with each notification.
 *
 * <p>Write on the connection of the transaction that decides to notify, so that an alert exists only
 * if the change that raised it committed. The recipient's preference for the notification's kind
 * decides whether it shows in the inbox, is e-mailed, or both; the e-mail is queued in the same
 * transaction and sent after it commits.
 */
@ProviderType
public interface Notifier {

    /**
     * @return the notification's id
     * @throws dev.pacesetter.platform.api.db.DataAccessException if it cannot be written
     */
    long notify(Connection connection, Notification notification);
}
