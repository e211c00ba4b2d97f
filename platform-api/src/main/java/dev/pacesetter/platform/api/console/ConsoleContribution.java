package dev.pacesetter.platform.api.console;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's part of the web console, registered as a whiteboard service by the module's bundle:
 * <pre>
 * &#64;Component(service = ConsoleContribution.class)
 * public final class LeadsConsole implements ConsoleContribution {
 *     public List&lt;ConsolePage&gt; pages() {
 *         return List.of(ConsolePage.of("leads", "console.menu.leads", "leads.js").order(20),
 *                 ConsolePage.of("grading-rules", "console.menu.grading", "grading.js").roles(Role.ADMIN, Role.MARKETING));
 *     }
 * }
 * </pre>
 * The files are served from the bundle's {@link #resources()} folder at {@code /console/modules/<module>/<file>} to
 * anyone (a browser loads them before it can send a token: put no data in them); titles and every other console text
 * come from the bundle's message files, keys starting with {@code console.}, in each user's language
 * ({@code GET /api/v1/console/messages}). A user sees a page or widget only if the module is on for their region and
 * they have one of its roles.
 */
@ConsumerType
public interface ConsoleContribution {

    /** The folder inside the bundle whose files the console may load; {@code console} unless overridden. */
    default String resources() {
        return "console";
    }

    /** Pages the module adds to the console's menu. */
    List<ConsolePage> pages();

    /** Widgets the module adds to the dashboard. */
    default List<ConsoleWidget> widgets() {
        return List.of();
    }
}
