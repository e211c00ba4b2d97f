package dev.pacesetter.pipeline.internal.domain;

import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * How the health score is made ({@code /api/v1/health-settings}); also the body of PUT. Three factors with
 * weights adding up to 100: last contact (full points within {@code contactFullWithinDays}, none after
 * {@code contactZeroAfterDays}, linear between), demand (orders of the last {@code demandWindowDays} against
 * the same span before) and competitor contact (none flagged on an activity within
 * {@code competitorWithinDays}). Below {@code threshold} a retention task due in {@code retentionDueDays}.
 */
public record HealthSettings(Integer threshold, Integer contactWeight, Integer contactFullWithinDays, Integer contactZeroAfterDays,
        Integer demandWeight, Integer demandWindowDays, Integer competitorWeight, Integer competitorWithinDays, Integer retentionDueDays) {

    /** The defaults of the migration: what applies while the table has no row. */
    public static HealthSettings defaults() {
        return new HealthSettings(50, 40, 14, 90, 35, 90, 25, 90, 3);
    }

    public void validate(Validation v) {
        v.require(threshold != null && threshold >= 1 && threshold <= 100, "threshold", Message.of("field.range", 1, 100));
        v.require(contactWeight != null && contactWeight >= 0, "contactWeight", Message.of("field.range", 0, 100));
        v.require(demandWeight != null && demandWeight >= 0, "demandWeight", Message.of("field.range", 0, 100));
        v.require(competitorWeight != null && competitorWeight >= 0, "competitorWeight", Message.of("field.range", 0, 100));
        if (contactWeight != null && demandWeight != null && competitorWeight != null) {
            int sum = contactWeight + demandWeight + competitorWeight;
            v.require(sum == 100, "contactWeight", Message.of("field.health-weights", sum));
        }
        v.require(contactFullWithinDays != null && contactFullWithinDays >= 0 && contactFullWithinDays <= 3650, "contactFullWithinDays",
                Message.of("field.range", 0, 3650));
        v.require(contactZeroAfterDays != null && contactZeroAfterDays <= 3650 && (contactFullWithinDays == null
                || contactZeroAfterDays > contactFullWithinDays), "contactZeroAfterDays", Message.of("field.contact-zero-after"));
        v.require(demandWindowDays != null && demandWindowDays >= 7 && demandWindowDays <= 730, "demandWindowDays", Message.of("field.range", 7, 730));
        v.require(competitorWithinDays != null && competitorWithinDays >= 1 && competitorWithinDays <= 3650, "competitorWithinDays", Message.of("field.range", 1, 3650));
        v.require(retentionDueDays != null && retentionDueDays >= 0 && retentionDueDays <= 90, "retentionDueDays", Message.of("field.range", 0, 90));
    }
}
