package dev.pacesetter.kernel.internal.webhooks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Validation;
import dev.pacesetter.platform.api.i18n.Message;

/** The query of a delivery log page: {@code ?state=pending|delivered|parked}, {@code ?limit=}, {@code ?before=<nextBefore>}. */
record DeliveryLogQuery(Optional<DeliveryState> state, Optional<Long> before, int limit) {

    /** @throws dev.pacesetter.platform.api.http.ApiException 400 naming every invalid parameter */
    static DeliveryLogQuery of(ApiRequest request, int defaultLimit, int maxLimit) {
        Validation validation = new Validation();
        Optional<DeliveryState> state = request.queryParam("state").flatMap(raw -> {
            Optional<DeliveryState> known = Arrays.stream(DeliveryState.values())
                    .filter(s -> s.name().equals(raw.toUpperCase(Locale.ROOT))).findFirst();
            validation.require(known.isPresent(), "state", Message.of("field.one_of", "pending, delivered, parked"));
            return known;
        });
        Optional<Long> before = request.queryParam("before").map(raw -> {
            long value = number(raw);
            validation.require(value > 0, "before", Message.of("field.cursor", "nextBefore"));
            return value;
        });
        int limit = validation.intParam(request, "limit", defaultLimit, 1, maxLimit);
        validation.orThrow();
        return new DeliveryLogQuery(state, before, limit);
    }

    private static long number(String raw) {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
