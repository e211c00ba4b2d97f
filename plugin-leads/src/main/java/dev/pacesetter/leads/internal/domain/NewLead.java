package dev.pacesetter.leads.internal.domain;

import java.util.Set;

/** A lead that passed validation, with its keys, grade, owner and tags: ready to insert. */
public record NewLead(LeadInput input, String emailKey, String phoneKey, String companyKey, GradeResult grade, Owner owner,
        String assignmentReason, Set<Long> tagIds) {
}
