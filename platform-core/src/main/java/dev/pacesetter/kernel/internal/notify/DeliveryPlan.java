package dev.pacesetter.kernel.internal.notify;

import java.util.Optional;

/**
 * Where one notification goes: the inbox, an e-mail, or both. Decided from the recipient's preferences
 * while the notification is written.
 *
 * @param channel the channel that applies (the kind's, else the user's default, else the platform's)
 * @param inbox whether the notification shows in the inbox
 * @param email whether an e-mail is queued
 */
public record DeliveryPlan(Channel channel, boolean inbox, boolean email) {

    /**
     * @param forKind the user's choice for this kind, if any
     * @param userDefault the user's choice for every kind ({@code *}), if any
     * @param platformDefault {@code pacesetter.notifications.default.channel}
     * @param hasAddress whether the user has an e-mail address
     * @param mailOn whether this node has an SMTP server configured
     */
    public static DeliveryPlan decide(Optional<Channel> forKind, Optional<Channel> userDefault, Channel platformDefault, boolean hasAddress,
            boolean mailOn) {
        Channel channel = forKind.or(() -> userDefault).orElse(platformDefault);
        boolean email = channel.wantsEmail() && hasAddress;
        // nobody misses an alert: without an address the inbox stands in for the e-mail, and while e-mail is
        // off the mail waits in the outbox and the inbox shows the notification meanwhile
        boolean inbox = channel.wantsInbox() || !email || !mailOn;
        return new DeliveryPlan(channel, inbox, email);
    }
}
