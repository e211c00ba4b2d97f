package dev.pacesetter.platform.api.org;

/**
 * A region: the unit modules are switched on for.
 *
 * @param id the region id
 * @param code its stable code, e.g. {@code south-china}
 * @param name its name
 * @param managerId its regional manager; {@code null} if it has none
 */
public record Region(long id, String code, String name, Long managerId) {
}
