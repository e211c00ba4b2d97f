/**
 * What the leads module offers other modules: the topics of the events it publishes and their payloads,
 * and the vocabulary of grading (intent, budget, decision role, grade) and lead status.
 */
@Export
@Version("1.0.0")
package dev.pacesetter.leads.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
