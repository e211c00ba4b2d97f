package dev.pacesetter.pipeline.internal;

import java.util.Optional;

import dev.pacesetter.platform.api.http.ApiRequest;
import dev.pacesetter.platform.api.http.Validation;

/** Query parameters shared by the list routes. */
final class Params {

    private Params() {
    }

    /** An optional id-like number; a malformed one is recorded in {@code v}. */
    static Optional<Long> number(ApiRequest request, String name, Validation v) {
        return request.queryParam(name).flatMap(raw -> {
            try {
                return Optional.of(Long.parseLong(raw.strip()));
            } catch (NumberFormatException e) {
                v.require(false, name, "must be a number");
                return Optional.empty();
            }
        });
    }
}
