/** Creating leads, for every way they arrive (REST, web form, import): validation, owner, grade, insert and event. */
package dev.pacesetter.leads.internal.intake;
