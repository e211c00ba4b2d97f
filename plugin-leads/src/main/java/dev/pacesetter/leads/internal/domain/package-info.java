/**
 * The leads module's rules in plain Java: grading, follow-up policies and touches, reach rates, duplicate keys, amounts, the
 * vocabulary clients write in, and validation. No OSGi, no JDBC: everything here is a unit test away.
 */
package dev.pacesetter.leads.internal.domain;
