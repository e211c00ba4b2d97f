package dev.pacesetter.leads.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.pacesetter.platform.api.http.FieldError;

/**
 * Checks a lead's own fields, without the database (references to channels, tags and owners are checked by
 * {@link LeadReferences}). Used for REST bodies and for each CSV row alike.
 */
public final class LeadValidation {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\-. ]+");

    private LeadValidation() {
    }

    public static List<FieldError> problems(LeadInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.personName() == null || in.personName().isBlank()) {
            errors.add(new FieldError("personName", "is required"));
        } else if (in.personName().length() > 200) {
            errors.add(new FieldError("personName", "must be at most 200 characters"));
        }
        if (in.company() != null && in.company().length() > 200) {
            errors.add(new FieldError("company", "must be at most 200 characters"));
        }
        boolean hasEmail = in.email() != null && !in.email().isBlank();
        boolean hasPhone = in.phone() != null && !in.phone().isBlank();
        if (!hasEmail && !hasPhone) {
            errors.add(new FieldError("email", "an e-mail address or a phone number is required"));
        }
        if (hasEmail && (in.email().length() > 254 || !EMAIL.matcher(Normalizer.nfkc(in.email()).strip()).matches())) {
            errors.add(new FieldError("email", "is not an e-mail address"));
        }
        if (hasPhone && (in.phone().length() > 50 || !PHONE.matcher(Normalizer.nfkc(in.phone()).strip()).matches()
                || Normalizer.phoneKey(in.phone()).isEmpty())) {
            errors.add(new FieldError("phone", "must be digits (at least 5) with optional + ( ) - . and spaces"));
        }
        if (in.externalId() != null && (in.externalId().isBlank() || in.externalId().length() > 100)) {
            errors.add(new FieldError("externalId", "must be 1-100 characters"));
        }
        if (in.territory() != null && in.territory().length() > 100) {
            errors.add(new FieldError("territory", "must be at most 100 characters"));
        }
        if (in.budget() != null && in.budget().problem() != null) {
            errors.add(new FieldError("budget", in.budget().problem()));
        }
        if (in.tags() != null && in.tags().size() > 20) {
            errors.add(new FieldError("tags", "at most 20 tags"));
        }
        return errors;
    }
}
