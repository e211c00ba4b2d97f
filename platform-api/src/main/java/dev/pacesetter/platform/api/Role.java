package dev.pacesetter.platform.api;

/** The roles a user can hold. A route declares which of them may call it. */
public enum Role {
    ADMIN, MANAGER, REP, HR, MARKETING, AFTER_SALES, INTEGRATOR
}
