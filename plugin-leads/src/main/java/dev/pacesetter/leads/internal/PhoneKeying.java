package dev.pacesetter.leads.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.leads.internal.domain.PhoneKeys;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * The phone keys in force, and keeping the stored ones consistent with them: leads keyed under another scheme
 * (digits only, before libphonenumber; or another default region) are re-keyed once, when this component starts.
 * The scheme the stored keys follow is a row of {@code leads_key_scheme}; the re-keying locks that row, so of
 * several nodes starting together one re-keys and the others wait and then find nothing to do. It runs in one
 * transaction with the update of that row: interrupted, it is simply done again at the next start.
 */
@Component(service = PhoneKeying.class)
public final class PhoneKeying {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneKeying.class);
    private static final int BATCH = 500;

    private final PhoneKeys keys;

    @Activate
    public PhoneKeying(@Reference ModuleDatabase db, @Reference LeadsSettings settings,
            @Reference PlatformClock time) {
        this.keys = settings.phoneKeys();
        try {
            int rekeyed = db.inTransaction(c -> rekey(c, keys, time.now()));
            if (rekeyed > 0) {
                LOG.info("Re-keyed the phone numbers of {} lead(s) for duplicate detection ({})", rekeyed, keys.scheme());
            }
        } catch (RuntimeException e) {
            // leads stay usable; duplicates of older leads are missed until the next start re-keys them
            LOG.error("Could not re-key stored phone numbers to {}; will try again at the next start", keys.scheme(), e);
        }
    }

    public PhoneKeys keys() {
        return keys;
    }

    /** Re-keys every lead's phone if the stored scheme is not {@code keys}'; returns how many keys changed. */
    static int rekey(Connection c, PhoneKeys keys, Instant now) throws SQLException {
        Optional<String> stored;
        try (PreparedStatement ps = Sql.of("SELECT scheme FROM leads_key_scheme WHERE name = 'phone' FOR UPDATE").prepare(c);
                ResultSet rs = ps.executeQuery()) {
            stored = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
        if (stored.isPresent() && stored.get().equals(keys.scheme())) {
            return 0;
        }
        int changed = 0;
        String update = "UPDATE leads_lead SET phone_key = ? WHERE id = ?";
        try (PreparedStatement read = Sql.of("SELECT id, phone, phone_key FROM leads_lead WHERE phone IS NOT NULL ORDER BY id").prepare(c);
                PreparedStatement write = c.prepareStatement(update);
                ResultSet rs = read.executeQuery()) {
            int pending = 0;
            while (rs.next()) {
                String key = keys.key(rs.getString(2)).orElse(null);
                if (java.util.Objects.equals(key, rs.getString(3))) {
                    continue;
                }
                Sql.of(update, key, rs.getLong(1)).bind(write, 1);
                write.addBatch();
                changed++;
                if (++pending == BATCH) {
                    write.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
        try (PreparedStatement ps = Sql.of(stored.isPresent() ? "UPDATE leads_key_scheme SET scheme = ?, updated_at = ? WHERE name = 'phone'"
                : "INSERT INTO leads_key_scheme (scheme, updated_at, name) VALUES (?, ?, 'phone')", keys.scheme(), now).prepare(c)) {
            ps.executeUpdate();
        }
        return changed;
    }
}
