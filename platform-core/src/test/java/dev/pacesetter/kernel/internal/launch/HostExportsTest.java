package dev.pacesetter.kernel.internal.launch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostExportsTest {

    @Test
    void exportsTheSdkAndSharedLibrariesWithTheVersionsTheirJarsDeclare() {
        String exports = HostExports.compute(getClass().getClassLoader());
        assertTrue(exports.contains("dev.pacesetter.platform.api.http;version=\"1.9.0\""), exports);
        assertTrue(exports.contains("dev.pacesetter.platform.api.pilot;version=\"1.2.0\""), exports);
        assertTrue(exports.contains("dev.pacesetter.platform.api.schedule;version=\"1.0.0\""), exports);
        assertTrue(exports.contains("dev.pacesetter.platform.api.time;version=\"1.0.0\""), exports);
        assertTrue(exports.contains("dev.pacesetter.platform.api.org;version=\"1.0.0\""), exports);
        assertTrue(exports.contains("dev.pacesetter.platform.api.console;version=\"1.0.0\""), exports);
        assertTrue(exports.contains("dev.pacesetter.platform.api.security;version=\"1.3.0\""), exports);
        assertTrue(exports.contains("com.fasterxml.jackson.annotation;version="), exports);
        assertTrue(exports.contains("org.slf4j;"), exports);
        assertTrue(exports.contains("org.osgi.service.component.runtime;version=\"1.5\""), exports);
    }
}
