/**
 * The pipeline's rules in plain Java: conversation model, opportunity members, stage deadline policy, customer
 * tiering and health scoring. No OSGi and no JDBC here; nothing here depends on the other internal packages.
 */
package dev.pacesetter.pipeline.internal.domain;
