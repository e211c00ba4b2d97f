package dev.pacesetter.leads.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.pacesetter.leads.internal.domain.PhoneKeys;

/**
 * The leads module's own settings, from OSGi Configuration Admin under the pid {@value #PID}: a file
 * {@code deploy/dev.pacesetter.leads.cfg} (File Install delivers it, and applies changes without a restart) such as
 * <pre>
 * phone.region = HK
 * webform.limit.per.minute = 120
 * </pre>
 * Without the file the defaults apply. A value that cannot be used is logged as an error and its default applies,
 * so a typo in the file does not take the whole module down. A change restarts the components that use these
 * settings (Declarative Services does that); a changed phone region re-keys the stored leads ({@link PhoneKeying}).
 */
@Component(service = LeadsSettings.class, configurationPid = LeadsSettings.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class LeadsSettings {

    public static final String PID = "dev.pacesetter.leads";
    public static final String PHONE_REGION = "phone.region";
    public static final String WEBFORM_LIMIT = "webform.limit.per.minute";
    public static final int DEFAULT_WEBFORM_LIMIT = 60;
    /** Callers the web form's limiter remembers at once (about 100 bytes each). */
    public static final int WEBFORM_CALLERS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(LeadsSettings.class);

    private final PhoneKeys phoneKeys;
    private final int webFormLimit;

    @Activate
    public LeadsSettings(Map<String, Object> properties) {
        this.phoneKeys = phoneKeys(properties.get(PHONE_REGION));
        this.webFormLimit = webFormLimit(properties.get(WEBFORM_LIMIT));
    }

    public PhoneKeys phoneKeys() {
        return phoneKeys;
    }

    /** Web-form submissions a caller may make per minute. */
    public int webFormLimit() {
        return webFormLimit;
    }

    static PhoneKeys phoneKeys(Object configured) {
        if (configured == null || configured.toString().isBlank()) {
            return new PhoneKeys(PhoneKeys.DEFAULT_REGION);
        }
        try {
            return new PhoneKeys(configured.toString());
        } catch (IllegalArgumentException e) {
            LOG.error("{} {}: {}; using {}", PID, PHONE_REGION, e.getMessage(), PhoneKeys.DEFAULT_REGION);
            return new PhoneKeys(PhoneKeys.DEFAULT_REGION);
        }
    }

    static int webFormLimit(Object configured) {
        if (configured == null || configured.toString().isBlank()) {
            return DEFAULT_WEBFORM_LIMIT;
        }
        try {
            int limit = Integer.parseInt(configured.toString().strip());
            if (limit >= 1 && limit <= 100_000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.error("{} {}: '{}' is not a whole number from 1 to 100000; using {}", PID, WEBFORM_LIMIT, configured, DEFAULT_WEBFORM_LIMIT);
        return DEFAULT_WEBFORM_LIMIT;
    }
}
