package dev.pacesetter.kernel.internal.schedule;

import java.io.Serializable;

/**
 * What the scheduler's row of one deadline holds (as JSON): whose it is, when it was due and the plugin's data.
 *
 * @param dueAtMillis the due time the plugin asked for; the row's execution time moves on retries and waits
 * @param dataJson the plugin's data as JSON text, or null
 */
public record DeadlineData(String module, String kind, String key, Long regionId, long dueAtMillis, String dataJson) implements Serializable {

    /** The scheduler's task that fires every deadline; the instance id says which one. */
    public static final String TASK = "deadline";

    /** The row's instance id: kind and key are unique within a module. */
    public String instanceId() {
        return instanceId(module, kind, key);
    }

    static String instanceId(String module, String kind, String key) {
        return module + ":" + kind + ":" + key;
    }
}
