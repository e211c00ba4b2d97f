package dev.pacesetter.kernel.internal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import dev.pacesetter.kernel.internal.json.JsonCodec;
import dev.pacesetter.kernel.internal.gateway.ServedRoute;
import dev.pacesetter.platform.api.Role;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;

class JsonSchemasTest {

    enum Colour { RED, GREEN }

    record Money(BigDecimal amount, String currency) {
    }

    record Item(long id, int count, boolean active, Long parentId, String name, Colour colour, Set<Colour> colours,
            List<Money> prices, Map<String, Integer> counts, Instant at, LocalDate on, Duration within, Optional<String> note) {
    }

    record Node(String name, List<Node> children, Node parent) {
    }

    record Pair(Outer a, Outer b) {
    }

    record Outer(Pair pair) {
    }

    /** Every kind of value a reply carries, as the gateway's codec writes it. */
    record Everything(long id, dev.pacesetter.platform.api.money.Money price, List<dev.pacesetter.platform.api.money.Money> prices,
            Set<Colour> colours, Colour colour, Map<String, BigDecimal> rates, BigDecimal exact, Instant at, LocalDate on, LocalDateTime local,
            LocalTime time, OffsetDateTime offset, Duration within, Period every, YearMonth month, Year year, UUID uuid, URI uri, Node tree,
            Long missing, @JsonIgnore String secret, @JsonProperty("shownAs") String named, int[] counts, byte[] bytes) {

        /** Jackson writes bean getters too. */
        public BigDecimal getTotal() {
            return prices.stream().map(dev.pacesetter.platform.api.money.Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public boolean isFree() {
            return exact.signum() == 0;
        }

        /** Neither a component nor a getter: not written. */
        public String describe() {
            return "everything";
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(JsonSchemas schemas, String name) {
        return (Map<String, Object>) ((Map<String, Object>) schemas.components().get(name)).get("properties");
    }

    @Test
    void recordsBecomeReferencedObjectsWithTypedProperties() {
        JsonSchemas schemas = new JsonSchemas();
        assertEquals(Map.of("$ref", "#/components/schemas/Item"), schemas.schema(Item.class));
        Map<String, Object> item = props(schemas, "Item");
        assertEquals(Map.of("type", "integer", "format", "int64"), item.get("id"));
        assertEquals(Map.of("type", "integer", "format", "int32"), item.get("count"));
        assertEquals(Map.of("type", "boolean"), item.get("active"));
        assertEquals(Map.of("type", "integer", "format", "int64"), item.get("parentId"));
        assertEquals(Map.of("type", "string"), item.get("name"));
        assertEquals(Map.of("$ref", "#/components/schemas/Colour"), item.get("colour"));
        assertEquals(Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/Colour"), "uniqueItems", true), item.get("colours"));
        assertEquals(Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/Money")), item.get("prices"));
        assertEquals(Map.of("type", "object", "additionalProperties", Map.of("type", "integer", "format", "int32")), item.get("counts"));
        assertEquals(Map.of("type", "string", "format", "date-time"), item.get("at"));
        assertEquals(Map.of("type", "string", "format", "date"), item.get("on"));
        assertEquals(Map.of("type", "string", "format", "duration"), item.get("within"));
        assertEquals(Map.of("type", "string"), item.get("note"));
        assertEquals(List.of("id", "count", "active"), ((Map<?, ?>) schemas.components().get("Item")).get("required"));
        assertEquals(List.of("RED", "GREEN"), ((Map<?, ?>) schemas.components().get("Colour")).get("enum"));
        assertEquals("string", ((Map<?, ?>) schemas.components().get("Colour")).get("type"));
    }

    @Test
    void decimalsAreStringsWithADecimalPattern() {
        Map<String, Object> amount = props(withMoney(), "Money");
        Map<?, ?> decimal = (Map<?, ?>) amount.get("amount");
        assertEquals("string", decimal.get("type"));
        String pattern = (String) decimal.get("pattern");
        assertTrue("1200.50".matches(pattern));
        assertTrue("-3".matches(pattern));
        assertFalse("1.2.3".matches(pattern));
        assertFalse("12e3".matches(pattern));
    }

    private static JsonSchemas withMoney() {
        JsonSchemas schemas = new JsonSchemas();
        schemas.schema(Money.class);
        return schemas;
    }

    @Test
    void recursiveTypesEndInReferencesToThemselves() {
        JsonSchemas schemas = new JsonSchemas();
        schemas.schema(Node.class);
        Map<String, Object> node = props(schemas, "Node");
        assertEquals(Map.of("$ref", "#/components/schemas/Node"), node.get("parent"));
        assertEquals(Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/Node")), node.get("children"));

        schemas.schema(Outer.class);
        assertEquals(Map.of("$ref", "#/components/schemas/Outer"), props(schemas, "Pair").get("a"));
        assertEquals(Map.of("$ref", "#/components/schemas/Pair"), props(schemas, "Outer").get("pair"));
    }

    @Test
    void otherClassesAreObjectsAndNamesDoNotCollide() {
        JsonSchemas schemas = new JsonSchemas();
        assertEquals(Map.of("type", "object"), schemas.schema(StringBuilder.class));
        schemas.define("Money", Map.of());
        assertEquals(Map.of("$ref", "#/components/schemas/JsonSchemasTestMoney"), schemas.schema(Money.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentDeclaresBodiesQueryParametersIdsAndErrors() {
        Route route = Route.post("/things/{id}/items", request -> Reply.ok(null)).roles(Role.ADMIN)
                .body(Item.class).returns(Money.class).query("colour", Colour.class, "only this colour").query("q", "free text");
        Map<String, Object> doc = OpenApiDocument.of(List.of(new ServedRoute("things", route)), "1");
        Map<String, Object> op = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) doc.get("paths"))
                .get("/api/v1/things/{id}/items")).get("post");
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) op.get("parameters");
        assertEquals(Map.of("type", "integer", "format", "int64"), parameters.get(0).get("schema"));
        assertEquals("query", parameters.get(1).get("in"));
        assertEquals(Map.of("$ref", "#/components/schemas/Colour"), parameters.get(1).get("schema"));
        assertEquals("free text", parameters.get(2).get("description"));
        assertEquals(Map.of("$ref", "#/components/schemas/Item"),
                ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) op.get("requestBody")).get("content")).get("application/json")).get("schema"));
        Map<String, Object> responses = (Map<String, Object>) op.get("responses");
        for (String status : List.of("201", "400", "401", "403", "404", "409", "503", "default")) {
            assertTrue(responses.containsKey(status), status);
        }
        assertEquals(Map.of("$ref", "#/components/schemas/Error"),
                ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) responses.get("404")).get("content")).get("application/json")).get("schema"));
        assertEquals(Map.of("$ref", "#/components/schemas/Money"),
                ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) responses.get("200")).get("content")).get("application/json")).get("schema"));
        Map<String, Object> components = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        assertTrue(components.keySet().containsAll(Set.of("Error", "Item", "Money", "Colour")), components.keySet().toString());
    }

    @Test
    void theSchemaOfARecordDescribesWhatTheCodecWrites() {
        dev.pacesetter.platform.api.money.Money price = new dev.pacesetter.platform.api.money.Money(new BigDecimal("1200.50"), "CNY");
        Everything value = new Everything(7, price, List.of(price, new dev.pacesetter.platform.api.money.Money(new BigDecimal("3"), "CNY")),
                Set.of(Colour.RED), Colour.GREEN, Map.of("vat", new BigDecimal("0.13")), new BigDecimal("1E+3"), Instant.parse("2024-05-01T01:30:00Z"),
                LocalDate.of(2024, 5, 1), LocalDateTime.of(2024, 5, 1, 9, 30), LocalTime.of(9, 30), OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 0,
                        ZoneOffset.ofHours(8)), Duration.ofHours(24), Period.ofMonths(3), YearMonth.of(2024, 5), Year.of(2024), UUID.randomUUID(),
                URI.create("https://crm.example.com/x"), new Node("root", List.of(new Node("leaf", List.of(), null)), null), null, "hidden",
                "shown", new int[] {1, 2}, new byte[] {1, 2});
        JsonCodec codec = new JsonCodec();
        JsonNode written = codec.parse(codec.writeString(value));
        JsonSchemas schemas = new JsonSchemas();
        assertFits(schemas, schemas.schema(Everything.class), written, "everything");

        Map<String, Object> properties = props(schemas, "Everything");
        assertFalse(properties.containsKey("secret"), properties.keySet().toString());
        assertFalse(properties.containsKey("named"), properties.keySet().toString());
        assertEquals(Map.of("type", "boolean"), properties.get("free"));
        assertEquals("PT24H", written.path("within").asText(), "durations are ISO-8601 strings, as bodies take them");
        assertEquals("1000", written.path("exact").asText(), "decimals are plain strings");
        assertEquals(List.of("id"), ((Map<?, ?>) schemas.components().get("Everything")).get("required"));
        Map<String, Object> money = props(schemas, "Money");
        assertEquals(Set.of("amount", "currency"), money.keySet(), "the SDK's Money: its methods are not getters");
        assertEquals(JsonSchemas.DECIMAL_PATTERN, ((Map<?, ?>) money.get("amount")).get("pattern"));
    }

    /**
     * Fails unless {@code value} fits {@code schema} the way a generated client reads it: its JSON type, enum, pattern and
     * format, and for a record exactly the properties the schema names (null fits any property: non-primitive ones may be null).
     */
    @SuppressWarnings("unchecked")
    private static void assertFits(JsonSchemas schemas, Map<String, Object> schema, JsonNode value, String path) {
        if (schema.containsKey("$ref")) {
            String name = ((String) schema.get("$ref")).substring("#/components/schemas/".length());
            assertFits(schemas, (Map<String, Object>) schemas.components().get(name), value, path);
            return;
        }
        if (value.isNull() || !schema.containsKey("type")) {
            return;
        }
        switch ((String) schema.get("type")) {
            case "string" -> {
                assertTrue(value.isTextual(), path + " is a string: " + value);
                String text = value.asText();
                if (schema.containsKey("pattern")) {
                    assertTrue(text.matches((String) schema.get("pattern")), path + " matches " + schema.get("pattern") + ": " + text);
                }
                if (schema.containsKey("enum")) {
                    assertTrue(((List<?>) schema.get("enum")).contains(text), path + " is one of " + schema.get("enum") + ": " + text);
                }
                switch (String.valueOf(schema.get("format"))) {
                    case "date-time" -> OffsetDateTime.parse(text);
                    case "date" -> LocalDate.parse(text);
                    case "duration" -> assertTrue(text.matches("-?P[0-9YMWDTHS.,-]+"), path + " is an ISO-8601 duration: " + text);
                    case "uuid" -> UUID.fromString(text);
                    case "uri" -> URI.create(text);
                    default -> {
                    }
                }
            }
            case "integer" -> assertTrue(value.isIntegralNumber(), path + " is a whole number: " + value);
            case "number" -> assertTrue(value.isNumber(), path + " is a number: " + value);
            case "boolean" -> assertTrue(value.isBoolean(), path + " is a boolean: " + value);
            case "array" -> {
                assertTrue(value.isArray(), path + " is an array: " + value);
                value.forEach(element -> assertFits(schemas, (Map<String, Object>) schema.get("items"), element, path + "[]"));
            }
            case "object" -> {
                assertTrue(value.isObject(), path + " is an object: " + value);
                Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
                TreeSet<String> names = new TreeSet<>();
                value.fieldNames().forEachRemaining(names::add);
                if (properties != null) {
                    assertEquals(new TreeSet<>(properties.keySet()), names, path + ": the properties written");
                }
                for (String name : names) {
                    Map<String, Object> property = properties != null ? (Map<String, Object>) properties.get(name)
                            : (Map<String, Object>) schema.getOrDefault("additionalProperties", Map.of());
                    assertFits(schemas, property, value.get(name), path + "." + name);
                }
            }
            default -> throw new AssertionError(path + ": unexpected type " + schema.get("type"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aListRouteDeclaresItsItemsAndTheCursorOfTheParameterItPagesWith() {
        Route byAfter = Route.get("/things", request -> Reply.ok(null)).returnsItems(Item.class).query("after", "cursor").query("limit", Integer.class, "size");
        Route byBefore = Route.get("/things/old", request -> Reply.ok(null)).query("before", Long.class, "cursor").returnsItems(Money.class);
        Route whole = Route.get("/things/all", request -> Reply.ok(null)).returnsItems(Colour.class);
        Map<String, Object> doc = OpenApiDocument.of(List.of(new ServedRoute("things", byAfter), new ServedRoute("things", byBefore),
                new ServedRoute("things", whole)), "1");
        Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
        java.util.function.Function<String, Map<String, Object>> reply = path -> (Map<String, Object>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>)
                ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) paths.get(path)).get("get")).get("responses")).get("200")).get("content"))
                .get("application/json")).get("schema");

        Map<String, Object> list = reply.apply("/api/v1/things");
        assertEquals("object", list.get("type"));
        assertEquals(List.of("items"), list.get("required"));
        Map<String, Object> properties = (Map<String, Object>) list.get("properties");
        assertEquals(Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/Item")), properties.get("items"));
        assertEquals(List.of("string", "null"), ((Map<?, ?>) properties.get("nextAfter")).get("type"), "a 3.1 null, not 3.0's nullable");
        assertFalse(((Map<?, ?>) properties.get("nextAfter")).containsKey("nullable"));
        assertEquals(Set.of("items", "nextAfter"), properties.keySet());

        Map<String, Object> old = (Map<String, Object>) reply.apply("/api/v1/things/old").get("properties");
        assertEquals(Set.of("items", "nextBefore"), old.keySet());
        assertEquals(Map.of("$ref", "#/components/schemas/Money"), ((Map<?, ?>) old.get("items")).get("items"));

        Map<String, Object> all = (Map<String, Object>) reply.apply("/api/v1/things/all").get("properties");
        assertEquals(Set.of("items"), all.keySet(), "no cursor without a paging parameter");
        Map<String, Object> components = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        assertTrue(components.keySet().containsAll(Set.of("Item", "Money", "Colour")), components.keySet().toString());
        assertFalse(components.containsKey("things"), "the list itself is inline, not a component");
    }
}
