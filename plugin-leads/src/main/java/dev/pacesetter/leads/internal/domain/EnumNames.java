package dev.pacesetter.leads.internal.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** Enum values as a message argument: "CALL, EMAIL, VISIT" (the codes a client sends, the same in every language). */
public final class EnumNames {

    private EnumNames() {
    }

    public static String of(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    public static String of(Enum<?>[] values) {
        return of(Arrays.asList(values));
    }
}
