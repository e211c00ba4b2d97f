package dev.pacesetter.leads.api;

/** A lead's grade: A is followed up first (by default a call within 24 hours), C is nurtured. */
public enum Grade {
    A, B, C
}
