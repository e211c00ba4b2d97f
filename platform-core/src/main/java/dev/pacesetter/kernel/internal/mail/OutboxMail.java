package dev.pacesetter.kernel.internal.mail;

/** A queued e-mail this node has claimed and is about to send. */
record OutboxMail(long id, String kind, String recipient, String subject, String text, int attempts) {

    @Override
    public String toString() {
        return "mail " + id + " (" + kind + ")"; // no address: logs are no place for it
    }
}
