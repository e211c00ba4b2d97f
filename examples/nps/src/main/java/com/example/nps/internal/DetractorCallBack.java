package com.example.nps.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.notify.Notification;
import dev.pacesetter.platform.api.notify.Notifier;
import dev.pacesetter.platform.api.notify.Severity;
import dev.pacesetter.platform.api.schedule.DeadlineHandler;
import dev.pacesetter.platform.api.schedule.FiredDeadline;

/**
 * 24 hours after a detractor's answer: the rep who asked is told to call the customer back, in the rep's language.
 * Runs in the deadline's transaction, so the notification exists once, or not at all.
 */
@Component(service = DeadlineHandler.class)
public final class DetractorCallBack implements DeadlineHandler {

    static final String KIND = "nps.detractor-call";

    @Reference
    private Notifier notifier;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fire(Connection c, FiredDeadline deadline) throws Exception {
        long id = Long.parseLong(deadline.key());
        try (PreparedStatement ps = Sql.of("SELECT owner_id, customer, score FROM nps_survey WHERE id = ?", id).prepare(c);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return; // gone meanwhile: nothing to call back
            }
            notifier.notify(c, Notification.to(rs.getLong(1), "nps.detractor-call", Severity.WARNING,
                    Message.of("notify.nps.call-back.title", rs.getString(2))).body(Message.of("notify.nps.call-back.body", rs.getInt(3)))
                    .rule(Message.of("notify.nps.call-back.rule")).link("/nps/surveys/" + id));
        }
    }
}
