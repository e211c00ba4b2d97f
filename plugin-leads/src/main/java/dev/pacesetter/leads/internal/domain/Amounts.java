package dev.pacesetter.leads.internal.domain;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.pacesetter.platform.api.i18n.Message;

/**
 * Reads an amount as people write it in China: {@code 147万} (= 1,470,000), {@code 1.2亿} (= 120,000,000),
 * {@code 12,000}, full-width {@code １２０００}, {@code ¥12,000.50} or {@code 12000元}. Exact: the multiplier is
 * applied to the decimal as written (no binary floats), so {@code 1.2345万} is exactly {@code 12345}. A currency
 * sign or a Chinese unit only hints at the currency (¥, ￥, 元, 万, 亿 → CNY); the caller decides what to do with the hint.
 */
public final class Amounts {

    /** An amount read, with the currency its text named, if any. */
    public record Amount(BigDecimal value, String currencyHint) {
    }

    /** Why a text is not an amount; the message is for the person who typed it. */
    public static final class NotAnAmount extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient Message text;

        NotAnAmount(Message text) {
            super(text.toString(), null, false, false);
            this.text = text;
        }

        /** What was expected, in the reader's language. */
        public Message text() {
            return text;
        }
    }

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED_MILLION = BigDecimal.valueOf(100_000_000);
    /** Digits with optional thousands groups of exactly three (so "1,2,3" is not read as 123), then decimals. */
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?");
    private static final Pattern SHAPE = Pattern.compile("(-)?(¥|RMB|CNY)?(-)?([0-9.,]+)(万亿|亿|万)?(元)?");
    /** Longest text accepted: enough for any real amount, short enough that nobody's garbage is parsed at length. */
    private static final int MAX_LENGTH = 40;

    private Amounts() {
    }

    /**
     * @throws NotAnAmount with a message saying what was expected
     */
    public static Amount parse(String text) throws NotAnAmount {
        if (text == null || text.isBlank()) {
            throw new NotAnAmount(Message.of("field.amount.empty"));
        }
        if (text.length() > MAX_LENGTH) {
            throw new NotAnAmount(Message.of("field.amount.too-long"));
        }
        // NFKC: full-width digits, comma, full stop and ￥ become ASCII and ¥; spaces anywhere are ignored
        String compact = Normalizer.nfkc(text).replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
        Matcher shape = SHAPE.matcher(compact);
        Matcher number = shape.matches() ? NUMBER.matcher(shape.group(4)) : null;
        if (number == null || !number.matches()) {
            throw new NotAnAmount(Message.of("field.amount.unreadable", text.strip()));
        }
        if (shape.group(1) != null || shape.group(3) != null) {
            throw new NotAnAmount(Message.of("field.amount.negative"));
        }
        BigDecimal value = new BigDecimal(number.group(1).replace(",", "") + (number.group(2) == null ? "" : "." + number.group(2)));
        String unit = shape.group(5);
        if ("万".equals(unit)) {
            value = value.multiply(TEN_THOUSAND);
        } else if ("亿".equals(unit)) {
            value = value.multiply(HUNDRED_MILLION);
        } else if ("万亿".equals(unit)) {
            value = value.multiply(TEN_THOUSAND).multiply(HUNDRED_MILLION);
        }
        if (unit != null) {
            // 1.2亿 is 120000000, not 120000000.0: the multiplier, not the writer, added the decimals
            value = value.stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
        }
        // ¥, RMB, CNY and 元 name the yuan; so do 万 and 亿 — the teams who write "147万" mean 147万元
        String hint = shape.group(2) != null || shape.group(6) != null || unit != null ? "CNY" : null;
        return new Amount(value, hint);
    }
}
