package dev.pacesetter.leads.internal.domain;

/**
 * What came of a touch. A call or visit that {@link #REACHED} the person or {@link #MEETING_BOOKED booked a meeting}
 * is a conversation; an e-mail or content that was {@link #SENT} or {@link #REPLIED replied to} was delivered; the
 * rest ({@link #NO_ANSWER}, {@link #LEFT_MESSAGE}, {@link #BOUNCED}) are attempts.
 */
public enum TouchOutcome {
    REACHED, NO_ANSWER, LEFT_MESSAGE, MEETING_BOOKED, SENT, REPLIED, BOUNCED
}
