package dev.pacesetter.platform.api.notify;

/** How urgent a notification is; {@code RED} is the plan's red flag (e.g. conversion dropped). */
public enum Severity {
    INFO, WARNING, RED
}
