package dev.pacesetter.kernel.internal.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.pacesetter.kernel.internal.i18n.MessageCatalogs;
import dev.pacesetter.platform.api.http.ApiException;
import dev.pacesetter.platform.api.http.FieldError;
import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * Renders an {@link ApiException} in the reader's language: its message and field errors from the message
 * files of the module that served the route (the kernel's for the gateway's own errors), field errors in
 * {@code details.fields} whatever the code, and the {@code validation_failed} summary from the kernel's, whoever raised it. Fixed texts pass unchanged.
 */
public final class ErrorTexts {

    private final MessageCatalogs catalogs;
    private final RequestLanguage languages;

    public ErrorTexts(MessageCatalogs catalogs, RequestLanguage languages) {
        this.catalogs = catalogs;
        this.languages = languages;
    }

    RequestLanguage languages() {
        return languages;
    }

    /** One of the kernel's own texts for a request that reached no route, in its {@code Accept-Language}. */
    String kernel(String acceptLanguage, Message message) {
        return catalogs.kernel().render(message, languages.ofHeader(acceptLanguage));
    }

    /** @param moduleId the module whose route raised it, or {@code null} when no route was found */
    ErrorBody render(ApiException e, String moduleId, Language language, String correlationId) {
        List<FieldError> fields = fieldsOf(e);
        if (fields == null) {
            String message = e.text().map(text -> catalogs.render(moduleId, text, language)).orElse(e.getMessage());
            return ErrorBody.of(e.code(), message, e.details(), correlationId);
        }
        List<Map<String, String>> rendered = fields.stream().map(f -> field(f, moduleId, language)).toList();
        String message = e.text().map(text -> catalogs.render(moduleId, text, language))
                .orElseGet(() -> "validation_failed".equals(e.code()) ? summary(rendered, language) : e.getMessage());
        Map<String, Object> details = castKeys((Map<?, ?>) e.details());
        details.put("fields", rendered);
        return ErrorBody.of(e.code(), message, details, correlationId);
    }

    private Map<String, String> field(FieldError error, String moduleId, Language language) {
        String text = error.text() == null ? error.message() : catalogs.render(moduleId, error.text(), language);
        Map<String, String> field = new LinkedHashMap<>();
        field.put("field", error.field());
        field.put("message", text);
        return field;
    }

    private String summary(List<Map<String, String>> fields, Language language) {
        String names = fields.stream().map(f -> f.get("field")).distinct().collect(Collectors.joining(", "));
        Message summary = fields.size() == 1 ? Message.of("error.validation_failed.one", names, fields.get(0).get("message"))
                : Message.of("error.validation_failed.many", names);
        return catalogs.kernel().render(summary, language);
    }

    /** The field errors in {@code details.fields} ({@code validation_failed}, and e.g. a 422 naming the field), or {@code null}. */
    private static List<FieldError> fieldsOf(ApiException e) {
        if (!(e.details() instanceof Map<?, ?> details)
                || !(details.get("fields") instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        return list.stream().allMatch(FieldError.class::isInstance) ? list.stream().map(FieldError.class::cast).toList() : null;
    }

    private static Map<String, Object> castKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
