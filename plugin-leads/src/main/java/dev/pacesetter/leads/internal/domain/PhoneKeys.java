package dev.pacesetter.leads.internal.domain;

import java.util.Locale;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Duplicate keys for phone numbers: a number libphonenumber recognises as valid becomes its E.164 form, so
 * "+86 138 4434 2806", "0086 138…", "＋８６　１３８…" and "13844342806" (read in the default region) are one key,
 * {@code +8613844342806}. A number it cannot confirm (an extension-only internal number, a number plan it does not
 * know, a typo) keeps the older digits-only key ({@link Normalizer#phoneKey}) rather than being refused: such a
 * lead is still stored and still matches the same digits typed again.
 */
public final class PhoneKeys {

    /** Where the shipped product is used first; configurable (see {@code PhoneKeying}). */
    public static final String DEFAULT_REGION = "CN";

    private final PhoneNumberUtil util;
    private final String region;

    /**
     * @param region ISO 3166 two-letter region that numbers without a country code belong to
     * @throws IllegalArgumentException if libphonenumber does not know the region
     */
    public PhoneKeys(String region) {
        this.util = PhoneNumberUtil.getInstance();
        String upper = region == null ? "" : region.strip().toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(upper)) {
            throw new IllegalArgumentException("'" + region + "' is not a region libphonenumber knows (use a two-letter code such as CN)");
        }
        this.region = upper;
    }

    public String region() {
        return region;
    }

    /**
     * Names how keys are made, stored with the leads' keys so that a change of scheme or region re-keys the leads
     * made under the old one ({@code PhoneKeying}).
     */
    public String scheme() {
        return "e164:" + region;
    }

    /** The E.164 form of a valid number, else digits only; empty for blank input or fewer than 5 digits. */
    public Optional<String> key(String phone) {
        Optional<String> digits = Normalizer.phoneKey(phone);
        if (digits.isEmpty()) {
            return digits;
        }
        return e164(phone).or(() -> digits);
    }

    /** The E.164 form if libphonenumber recognises a valid number. */
    Optional<String> e164(String phone) {
        // NFKC first: libphonenumber folds full-width digits itself, but not every full-width separator
        String text = Normalizer.nfkc(phone).strip();
        try {
            PhoneNumber number = util.parse(text, region);
            return util.isValidNumber(number) ? Optional.of(util.format(number, PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
