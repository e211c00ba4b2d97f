package dev.pacesetter.leads.internal.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.pacesetter.leads.api.Grade;
import dev.pacesetter.leads.api.LeadStatus;
import dev.pacesetter.leads.internal.domain.LeadView;
import dev.pacesetter.leads.internal.domain.LeadVocabulary;
import dev.pacesetter.leads.internal.domain.Normalizer;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * The filters, order and page of {@code GET /api/v1/leads}: {@code status}, {@code grade}, {@code ownerId},
 * {@code channelId}, {@code tag}, {@code regionId}, {@code touched} (true/false), {@code q} (name, company,
 * e-mail or phone contains), {@code createdFrom}/{@code createdTo}; {@code sort} = {@code -createdAt} (default),
 * {@code createdAt}, {@code grade} or {@code -grade}; {@code limit} (1-200, default 50) and {@code after} (the
 * previous page's {@code nextAfter}). Paging is by key, so a lead added meanwhile neither repeats nor hides one.
 */
public record LeadQuery(Optional<LeadStatus> status, Optional<Grade> grade, Optional<Long> ownerId, Optional<Long> channelId,
        Optional<String> tag, Optional<Long> regionId, Optional<Boolean> touched, Optional<String> text, Optional<Instant> createdFrom,
        Optional<Instant> createdTo, Sort sort, Optional<Cursor> after, int limit) {

    /** The orders offered; each is a key column plus the id as tie-breaker. */
    public enum Sort {
        CREATED_DESC("-createdAt", "l.created_at", true), CREATED_ASC("createdAt", "l.created_at", false),
        GRADE_ASC("grade", "l.grade", false), GRADE_DESC("-grade", "l.grade", true);

        final String param;
        final String column;
        final boolean descending;

        Sort(String param, String column, boolean descending) {
            this.param = param;
            this.column = column;
            this.descending = descending;
        }

        static Optional<Sort> of(String param) {
            for (Sort sort : values()) {
                if (sort.param.equals(param)) {
                    return Optional.of(sort);
                }
            }
            return Optional.empty();
        }
    }

    /** Position after the last lead of a page: its sort key and id. */
    public record Cursor(String key, long id) {
        public String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "\n" + id).getBytes(StandardCharsets.UTF_8));
        }

        /** Whether the key is a value of {@code sort}'s column (a cursor from another order is not). */
        boolean fits(Sort sort) {
            if (!sort.column.equals("l.created_at")) {
                return key.length() == 1;
            }
            try {
                return Validation.isPlausible(Instant.parse(key));
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        static Optional<Cursor> decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\n", 2);
                return parts.length == 2 ? Optional.of(new Cursor(parts[0], Long.parseLong(parts[1]))) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** {@code route} with the query parameters {@link #parse} reads, for the API description. */
    public static dev.pacesetter.platform.api.http.Route declare(dev.pacesetter.platform.api.http.Route route) {
        return route.query("status", LeadStatus.class, "Only leads in this status (the code or its Chinese word)")
                .query("grade", Grade.class, "Only leads of this grade")
                .query("ownerId", Long.class, "Only leads of this owner")
                .query("channelId", Long.class, "Only leads from this channel")
                .query("regionId", Long.class, "Only leads of this region")
                .query("tag", "Only leads with this tag")
                .query("touched", Boolean.class, "true: only leads touched at least once; false: only untouched ones")
                .query("q", "Free text to search for (up to 100 characters)")
                .query("createdFrom", Instant.class, "Only leads created at or after this time")
                .query("createdTo", Instant.class, "Only leads created before this time")
                .query("sort", "-createdAt (default), createdAt, grade or -grade")
                .query("after", "Cursor: the next value of the previous page")
                .query("limit", Integer.class, "Page size, 1 to 200");
    }

    public static LeadQuery parse(ApiRequest request) {
        Validation v = new Validation();
        Optional<LeadStatus> status = enumParam(request, "status", LeadStatus.class, v);
        Optional<Grade> grade = enumParam(request, "grade", Grade.class, v);
        Optional<Long> owner = v.longParam(request, "ownerId");
        Optional<Long> channel = v.longParam(request, "channelId");
        Optional<Long> region = v.longParam(request, "regionId");
        Optional<Boolean> touched = request.queryParam("touched").map(t -> {
            v.require(t.equals("true") || t.equals("false"), "touched", Message.of("field.boolean"));
            return Boolean.parseBoolean(t);
        });
        Optional<String> text = request.queryParam("q").map(String::strip).filter(q -> !q.isEmpty());
        text.ifPresent(q -> v.require(q.length() <= 100, "q", Message.of("field.max_length", 100)));
        Optional<Instant> from = instantParam(request, "createdFrom", v);
        Optional<Instant> to = instantParam(request, "createdTo", v);
        Optional<String> rawSort = request.queryParam("sort");
        Sort sort = rawSort.flatMap(Sort::of).orElse(Sort.CREATED_DESC);
        v.require(rawSort.isEmpty() || Sort.of(rawSort.get()).isPresent(), "sort", Message.of("field.one_of", "-createdAt, createdAt, grade, -grade"));
        Optional<String> rawAfter = request.queryParam("after");
        Optional<Cursor> after = rawAfter.flatMap(Cursor::decode);
        v.require(rawAfter.isEmpty() || after.filter(a -> a.fits(sort)).isPresent(), "after", Message.of("field.after"));
        int limit = v.intParam(request, "limit", 50, 1, 200);
        v.orThrow();
        return new LeadQuery(status, grade, owner, channel, request.queryParam("tag"), region, touched, text, from, to, sort, after, limit);
    }

    /** Adds the filters, the keyset condition, the order and the page size to {@code select}. */
    Sql where(Sql select) {
        Sql sql = filtered(select);
        if (after.isPresent()) {
            String op = sort.descending ? "<" : ">";
            Object key = sort.column.equals("l.created_at") ? Instant.parse(after.get().key()) : after.get().key();
            sql = sql.and(Sql.of("(" + sort.column + " " + op + " ? OR (" + sort.column + " = ? AND l.id " + op + " ?))", key, key, after.get().id()));
        }
        String direction = sort.descending ? " DESC" : "";
        return sql.append("ORDER BY " + sort.column + direction + ", l.id" + direction + " FETCH FIRST ? ROWS ONLY", limit + 1);
    }

    /** Adds only the filters (no keyset, order or page): for exports, which take every matching lead. */
    public Sql filtered(Sql select) {
        Sql sql = select;
        if (status.isPresent()) {
            sql = sql.and(Sql.of("l.status = ?", status.get().name()));
        }
        if (grade.isPresent()) {
            sql = sql.and(Sql.of("l.grade = ?", grade.get().name()));
        }
        if (ownerId.isPresent()) {
            sql = sql.and(Sql.of("l.owner_id = ?", ownerId.get()));
        }
        if (channelId.isPresent()) {
            sql = sql.and(Sql.of("l.channel_id = ?", channelId.get()));
        }
        if (regionId.isPresent()) {
            sql = sql.and(Sql.of("l.region_id = ?", regionId.get()));
        }
        if (tag.isPresent()) {
            sql = sql.and(Sql.of("EXISTS (SELECT 1 FROM leads_lead_tag lt JOIN leads_tag t ON t.id = lt.tag_id WHERE lt.lead_id = l.id"
                    + " AND t.name_key = ?)", Normalizer.nameKey(tag.get())));
        }
        if (touched.isPresent()) {
            sql = sql.and(Sql.of(touched.get() ? "l.first_touch_at IS NOT NULL" : "l.first_touch_at IS NULL"));
        }
        if (text.isPresent()) {
            String like = "%" + Sql.likeLiteral(text.get().toLowerCase(Locale.ROOT)) + "%";
            sql = sql.and(Sql.of("(LOWER(l.person_name) LIKE ? ESCAPE '!' OR LOWER(l.company) LIKE ? ESCAPE '!' OR l.email_key LIKE ? ESCAPE '!'"
                    + " OR l.phone_key LIKE ? ESCAPE '!')", like, like, like, like));
        }
        if (createdFrom.isPresent()) {
            sql = sql.and(Sql.of("l.created_at >= ?", createdFrom.get()));
        }
        if (createdTo.isPresent()) {
            sql = sql.and(Sql.of("l.created_at < ?", createdTo.get()));
        }
        return sql;
    }

    /** The cursor after {@code lead} in this order. */
    public Cursor cursorAfter(LeadView lead) {
        return new Cursor(sort.column.equals("l.created_at") ? lead.createdAt().toString() : lead.grade().name(), lead.id());
    }

    private static <E extends Enum<E>> Optional<E> enumParam(ApiRequest request, String name, Class<E> type, Validation v) {
        return request.queryParam(name).flatMap(raw -> {
            // the code or its Chinese word (status=已联系), as everywhere leads takes an enum
            Optional<E> value = LeadVocabulary.parse(type, raw);
            v.require(value.isPresent(), name, Message.of("field.one_of", String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
            return value;
        });
    }

    private static Optional<Instant> instantParam(ApiRequest request, String name, Validation v) {
        return request.queryParam(name).flatMap(raw -> v.instant(name, raw));
    }
}
