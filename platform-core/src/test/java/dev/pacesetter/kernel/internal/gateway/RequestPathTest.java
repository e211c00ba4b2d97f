package dev.pacesetter.kernel.internal.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class RequestPathTest {

    @Test
    void splitsBelowTheApiPrefixAndIgnoresOneTrailingSlash() {
        assertEquals(List.of("leads", "42"), RequestPath.segments("/api/v1/leads/42/"));
        assertEquals(List.of(), RequestPath.segments("/api/v1/"));
    }

    @Test
    void decodesEachSegmentSoAnEncodedSlashStaysInsideIt() {
        assertEquals(List.of("tags", "a/b c+d"), RequestPath.segments("/api/v1/tags/a%2Fb%20c+d"));
    }

    @Test
    void pathsOutsideTheApiOrWithBrokenEscapesMatchNothing() {
        assertNull(RequestPath.segments("/api/v2/leads"));
        assertNull(RequestPath.segments("/console"));
        assertNull(RequestPath.segments("/api/v1/leads/%zz"));
    }
}
