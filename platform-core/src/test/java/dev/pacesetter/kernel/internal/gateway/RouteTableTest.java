package dev.pacesetter.kernel.internal.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.pacesetter.platform.api.http.HttpMethod;
import dev.pacesetter.platform.api.http.Reply;
import dev.pacesetter.platform.api.http.Route;

class RouteTableTest {

    private static Route get(String path) {
        return Route.get(path, r -> Reply.noContent());
    }

    private static RouteClaim serving(String module, long order, Route... routes) {
        return new RouteClaim(module, order, List.of(routes), Set.of(), true, null, false);
    }

    private static RouteLookup lookup(RouteTable table, String method, String... segments) {
        return table.lookup(method, List.of(segments));
    }

    @Test
    void aLiteralSegmentWinsOverAParameterWhateverTheDeclarationOrder() {
        RouteTable table = RouteTableBuilder.build(List.of(serving("leads", 5, get("/leads/{id}"), get("/leads/imports")))).table();
        RouteLookup.Found found = assertInstanceOf(RouteLookup.Found.class, lookup(table, "GET", "leads", "imports"));
        assertEquals("/leads/imports", found.route().path());
        RouteLookup.Found byId = assertInstanceOf(RouteLookup.Found.class, lookup(table, "GET", "leads", "42"));
        assertEquals("42", byId.pathParams().get("id"));
    }

    @Test
    void aKnownPathWithAnotherMethodNamesTheAllowedMethods() {
        RouteTable table = RouteTableBuilder.build(List.of(serving("leads", 5, get("/leads"),
                Route.post("/leads", r -> Reply.noContent())))).table();
        RouteLookup.WrongMethod wrong = assertInstanceOf(RouteLookup.WrongMethod.class, lookup(table, "DELETE", "leads"));
        assertEquals(Set.of(HttpMethod.GET, HttpMethod.POST), wrong.allowed());
    }

    @Test
    void allowNamesTheMethodsOfTheMatchedPathOnlyNotOfAParameterRouteThatAlsoMatches() {
        RouteTable table = RouteTableBuilder.build(List.of(serving("leads", 5, get("/leads/export"), get("/leads/{id}"),
                Route.put("/leads/{id}", r -> Reply.noContent())))).table();
        RouteLookup.WrongMethod wrong = assertInstanceOf(RouteLookup.WrongMethod.class, lookup(table, "OPTIONS", "leads", "export"));
        assertEquals(Set.of(HttpMethod.GET), wrong.allowed());
        RouteLookup.WrongMethod byId = assertInstanceOf(RouteLookup.WrongMethod.class, lookup(table, "TRACE", "leads", "7"));
        assertEquals(Set.of(HttpMethod.GET, HttpMethod.PUT), byId.allowed());
    }

    @Test
    void unknownResourcesAndDeeperPathsAreNotFound() {
        RouteTable table = RouteTableBuilder.build(List.of(serving("leads", 5, get("/leads/{id}")))).table();
        assertInstanceOf(RouteLookup.NotFound.class, lookup(table, "GET", "accounts"));
        assertInstanceOf(RouteLookup.NotFound.class, lookup(table, "GET", "leads", "1", "touches"));
        assertInstanceOf(RouteLookup.NotFound.class, lookup(table, "GET"));
    }

    @Test
    void whileAModuleStillRegistersRoutesAPathNoneMatchesYetIsUnavailableNotMissing() {
        RouteClaim settling = new RouteClaim("hello", 5, List.of(get("/hello/archive")), Set.of("hello"), true, null, true);
        RouteTable table = RouteTableBuilder.build(List.of(settling)).table();
        assertInstanceOf(RouteLookup.Found.class, table.lookup("GET", List.of("hello", "archive")));
        assertInstanceOf(RouteLookup.Unavailable.class, table.lookup("GET", List.of("hello", "ping")), "its provider may be the next to register");
        assertInstanceOf(RouteLookup.Unavailable.class, table.lookup("POST", List.of("hello", "archive")));
        assertInstanceOf(RouteLookup.NotFound.class, table.lookup("GET", List.of("elsewhere")));

        RouteTable settled = RouteTableBuilder.build(List.of(serving("hello", 5, get("/hello/archive")))).table();
        assertInstanceOf(RouteLookup.NotFound.class, settled.lookup("GET", List.of("hello", "ping")));
    }

    @Test
    void theEarlierClaimKeepsAContestedResourceAndTheLaterModuleIsRefusedWhole() {
        RouteTableBuilder.Result result = RouteTableBuilder.build(List.of(
                serving("intruder", 9, get("/intruder"), get("/leads/hijack")),
                serving("leads", 5, get("/leads"))));
        assertTrue(result.refusals().get("intruder").contains("module 'leads' owns"));
        assertInstanceOf(RouteLookup.NotFound.class, lookup(result.table(), "GET", "intruder"));
        assertInstanceOf(RouteLookup.Found.class, lookup(result.table(), "GET", "leads"));
        assertEquals(Set.of("leads"), result.owned().get("leads"));
    }

    @Test
    void twoRoutesOfTheSameShapeInOneModuleAreRefusedAsAmbiguous() {
        RouteTableBuilder.Result result = RouteTableBuilder.build(List.of(serving("leads", 5, get("/leads/{id}"), get("/leads/{leadId}"))));
        assertTrue(result.refusals().get("leads").contains("more than once"), result.refusals().toString());
    }

    @Test
    void aModuleInTransitionKeepsItsResourcesAndAnswersUnavailable() {
        RouteTableBuilder.Result result = RouteTableBuilder.build(List.of(
                new RouteClaim("hello", 3, List.of(), Set.of("hello"), false, null, false),
                serving("intruder", 9, get("/hello"))));
        assertInstanceOf(RouteLookup.Unavailable.class, lookup(result.table(), "GET", "hello", "anything"));
        assertTrue(result.refusals().containsKey("intruder"), "a transitioning module's resources cannot be taken over");
    }

    @Test
    void aFailedModuleKeepsItsResourcesAndAnswersFailedWithItsReason() {
        RouteTableBuilder.Result result = RouteTableBuilder.build(List.of(
                new RouteClaim("hello", 3, List.of(), Set.of("hello"), false, "schema migration failed: V2__broken.sql line 1", false),
                serving("intruder", 9, get("/hello"))));
        RouteLookup lookup = lookup(result.table(), "GET", "hello", "anything");
        assertEquals(new RouteLookup.Failed("hello", "schema migration failed: V2__broken.sql line 1"), lookup);
        assertTrue(result.refusals().containsKey("intruder"), "a failed module's resources cannot be taken over either");
    }
}
