package dev.pacesetter.kernel.internal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

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
}
