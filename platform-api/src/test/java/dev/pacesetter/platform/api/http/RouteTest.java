package dev.pacesetter.platform.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.pacesetter.platform.api.Role;

class RouteTest {

    @Test
    void theFirstSegmentIsTheResourceTheModuleClaims() {
        assertEquals("leads", Route.get("/leads/{id}/touches", r -> Reply.noContent()).resource());
        assertEquals("health", Route.get("/health", r -> Reply.noContent()).resource());
    }

    @Test
    void malformedTemplatesAreRefusedWhenTheRouteIsDeclared() {
        for (String bad : new String[] {"leads", "/", "/leads/", "/{id}", "/leads/{}", "/leads/a b", "/leads//x"}) {
            assertThrows(IllegalArgumentException.class, () -> Route.get(bad, r -> Reply.noContent()), bad);
        }
    }

    @Test
    void rolesNarrowAndPublicAccessOpens() {
        Route route = Route.post("/leads", r -> Reply.noContent()).roles(Role.MANAGER, Role.ADMIN);
        assertEquals(Set.of(Role.MANAGER, Role.ADMIN), route.roles());
        assertTrue(Route.get("/health", r -> Reply.noContent()).publicAccess().isPublic());
    }

    @Test
    void validationReportsEveryFailedRequirementAtOnce() {
        ApiException e = assertThrows(ApiException.class, () -> new Validation()
                .require(false, "name", "must not be blank")
                .require(true, "budget", "must not be negative")
                .require(false, "grade", "must be A, B or C")
                .orThrow());
        assertEquals(400, e.status());
        assertEquals("validation_failed", e.code());
        assertTrue(e.getMessage().contains("name, grade"), e.getMessage());
    }

    @Test
    void repliesCarryOnlySuccessStatuses() {
        assertEquals(201, Reply.created("/api/v1/leads/1", Set.of()).status());
        assertEquals("/api/v1/leads/1", Reply.created("/api/v1/leads/1", Set.of()).headers().get("Location"));
        assertThrows(IllegalArgumentException.class, () -> new ApiException(200, "ok", "no", null));
    }
}
