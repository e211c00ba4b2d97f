package dev.pacesetter.platform.api.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type in a module's {@code api} package as the payload of a topic, and says when that topic is published.
 * The event catalogue ({@code docs/events.md}) is generated from these, so every published topic is documented with
 * its fields.
 *
 * <pre>
 * &#64;EventPayload(topic = LeadTopics.CREATED, when = "a lead arrived (REST, web form or import)")
 * public record LeadCreated(long leadId, long ownerId, ...) { }
 * </pre>
 *
 * <p><b>How payloads evolve</b>: within a major version of the {@code api} package, a payload only gains fields
 * (a new record component, with the old canonical constructor kept); subscribers read payloads tolerantly, ignoring
 * fields they do not know, and must accept a field being absent (null) in events written before it existed. Removing
 * or retyping a field is a major change of the package, and the topic gets a new name.
 *
 * @since 1.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(EventPayloads.class)
public @interface EventPayload {

    /** The topic, e.g. {@code leads/lead.created}. */
    String topic();

    /** When it is published, in a sentence. */
    String when();

    /** What the event's aggregate id is: the id of the record it is about. */
    String aggregate() default "";
}
