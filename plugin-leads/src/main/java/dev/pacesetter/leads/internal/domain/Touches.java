package dev.pacesetter.leads.internal.domain;

/**
 * Which touches count. Kept apart from the database so the rules are plain unit tests.
 *
 * <ul>
 * <li>a <b>conversation</b> is a CALL or VISIT that REACHED the person or BOOKED A MEETING;</li>
 * <li>a <b>delivery</b> is an EMAIL or CONTENT that was SENT or REPLIED to;</li>
 * <li>anything else (no answer, a message left, a bounce) is an <b>attempt</b>: it is recorded and sets the first
 * touch time, but satisfies no policy and does not move a lead to CONTACTED.</li>
 * </ul>
 * A policy asking for a CALL is met by a conversation (a visit that reached the person is at least as good as a
 * call); VISIT only by a visit that reached them; EMAIL by a delivered e-mail or a conversation; CONTENT by any
 * delivery or a conversation.
 */
public final class Touches {

    private Touches() {
    }

    public static boolean conversation(TouchKind kind, TouchOutcome outcome) {
        return (kind == TouchKind.CALL || kind == TouchKind.VISIT) && (outcome == TouchOutcome.REACHED || outcome == TouchOutcome.MEETING_BOOKED);
    }

    public static boolean delivered(TouchKind kind, TouchOutcome outcome) {
        return (kind == TouchKind.EMAIL || kind == TouchKind.CONTENT) && (outcome == TouchOutcome.SENT || outcome == TouchOutcome.REPLIED);
    }

    /** Whether the touch got through to the person (a conversation or a delivery): the lead counts as contacted. */
    public static boolean gotThrough(TouchKind kind, TouchOutcome outcome) {
        return conversation(kind, outcome) || delivered(kind, outcome);
    }

    /** Whether a touch of {@code kind} with {@code outcome} meets a policy that asks for {@code wanted}. */
    public static boolean satisfies(TouchKind wanted, TouchKind kind, TouchOutcome outcome) {
        return switch (wanted) {
            case CALL -> conversation(kind, outcome);
            case VISIT -> kind == TouchKind.VISIT && conversation(kind, outcome);
            case EMAIL -> (kind == TouchKind.EMAIL && delivered(kind, outcome)) || conversation(kind, outcome);
            case CONTENT -> gotThrough(kind, outcome);
        };
    }
}
