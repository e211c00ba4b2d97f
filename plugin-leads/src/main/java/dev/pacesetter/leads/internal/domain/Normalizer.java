package dev.pacesetter.leads.internal.domain;

import java.text.Normalizer.Form;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keys for duplicate detection: the same e-mail, phone or company typed differently (full-width digits and
 * letters, ideographic spaces, case, punctuation, legal suffixes) gives the same key. Unicode NFKC folds the
 * full-width forms to ASCII first.
 */
public final class Normalizer {

    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Legal forms that say nothing about which company it is (checked after punctuation is gone). */
    private static final Pattern LEGAL_SUFFIX = Pattern.compile(
            "(股份有限公司|有限责任公司|有限公司|集团|公司|co|corp|corporation|inc|incorporated|ltd|limited|llc|gmbh|plc|sa|ag)+$");

    private Normalizer() {
    }

    public static String nfkc(String text) {
        return java.text.Normalizer.normalize(text, Form.NFKC);
    }

    /** Trimmed, case-folded e-mail; empty for blank input. */
    public static Optional<String> emailKey(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String key = nfkc(email).strip().toLowerCase(Locale.ROOT);
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    /**
     * Digits only, without an international prefix written as {@code 00}: "+86 138-0013-8000", "0086 13800138000"
     * and "＋８６　１３８００１３８０００" give one key. Numbers with and without a country code stay different.
     */
    public static Optional<String> phoneKey(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String digits = NOT_DIGIT.matcher(nfkc(phone)).replaceAll("");
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        return digits.length() < 5 ? Optional.empty() : Optional.of(digits);
    }

    /** Letters and digits only, case-folded, without a trailing legal form: "ACME Co., Ltd." and "acme" match. */
    public static Optional<String> companyKey(String company) {
        if (company == null) {
            return Optional.empty();
        }
        String letters = NOT_WORD.matcher(nfkc(company).toLowerCase(Locale.ROOT)).replaceAll("");
        String key = LEGAL_SUFFIX.matcher(letters).replaceAll("");
        if (key.isEmpty()) {
            key = letters; // the name is nothing but a legal form: keep it rather than match every such company
        }
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    /** A display name folded for uniqueness checks (tags, channels): NFKC, trimmed, single spaces, case-folded. */
    public static String nameKey(String name) {
        return nfkc(name).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
