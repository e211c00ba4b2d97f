/** Keeping customers' tiers and health up to date: after orders and activities, and every night. */
package dev.pacesetter.pipeline.internal.customers;
