package dev.pacesetter.kernel.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MissingRequirementsTest {

    @Test
    void describesAPackageFilterInTheWordsOfAnImport() {
        assertEquals("package dev.pacesetter.leads.api [1.0.0,2.0.0)",
                MissingRequirements.describe("(&(osgi.wiring.package=dev.pacesetter.leads.api)(version>=1.0.0)(!(version>=2.0.0)))"));
        assertEquals("package org.example", MissingRequirements.describe("(osgi.wiring.package=org.example)"));
    }
}
