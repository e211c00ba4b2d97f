package dev.pacesetter.leads.internal.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * Checks a lead's own fields, without the database (references to channels, tags and owners are checked by
 * {@code LeadReferences}). Used for REST bodies and for each CSV row alike.
 */
public final class LeadValidation {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\-. ]+");

    private LeadValidation() {
    }

    public static List<FieldError> problems(LeadInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.personName() == null || in.personName().isBlank()) {
            errors.add(new FieldError("personName", Message.of("field.required")));
        } else if (in.personName().length() > 200) {
            errors.add(new FieldError("personName", Message.of("field.max_length", 200)));
        }
        if (in.company() != null && in.company().length() > 200) {
            errors.add(new FieldError("company", Message.of("field.max_length", 200)));
        }
        boolean hasEmail = in.email() != null && !in.email().isBlank();
        boolean hasPhone = in.phone() != null && !in.phone().isBlank();
        if (!hasEmail && !hasPhone) {
            errors.add(new FieldError("email", Message.of("field.email-or-phone")));
        }
        if (hasEmail && (in.email().length() > 254 || !EMAIL.matcher(Normalizer.nfkc(in.email()).strip()).matches())) {
            errors.add(new FieldError("email", Message.of("field.email")));
        }
        if (hasPhone && (in.phone().length() > 50 || !PHONE.matcher(Normalizer.nfkc(in.phone()).strip()).matches()
                || Normalizer.phoneKey(in.phone()).isEmpty())) {
            errors.add(new FieldError("phone", Message.of("field.phone")));
        }
        if (in.externalId() != null && (in.externalId().isBlank() || in.externalId().length() > 100)) {
            errors.add(new FieldError("externalId", Message.of("field.length_range", 1, 100)));
        }
        if (in.territory() != null && in.territory().length() > 100) {
            errors.add(new FieldError("territory", Message.of("field.max_length", 100)));
        }
        if (in.budget() != null && in.budget().problem() != null) {
            errors.add(new FieldError("budget", in.budget().problemText()));
        }
        if (in.tags() != null && in.tags().size() > 20) {
            errors.add(new FieldError("tags", Message.of("field.tags.too-many", 20)));
        }
        return errors;
    }
}
