package ${package}.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ${package}.api.SurveyAnswered;
import dev.pacesetter.platform.api.db.ModuleDatabase;
import dev.pacesetter.platform.api.db.Sql;
import dev.pacesetter.platform.api.events.DeliveredEvent;
import dev.pacesetter.platform.api.events.EventSubscriber;
import dev.pacesetter.platform.api.time.PlatformClock;

/**
 * A read model fed by events: answers per business day. Delivery is at least once, so each event is counted once by
 * remembering its id in the same transaction as the count.
 */
@Component(service = EventSubscriber.class)
public final class DailyTally implements EventSubscriber {

    private final ModuleDatabase db;
    private final PlatformClock time;

    @Activate
    public DailyTally(@Reference ModuleDatabase db, @Reference PlatformClock time) {
        this.db = db;
        this.time = time;
    }

    @Override
    public String name() {
        return "${moduleId}.daily-tally";
    }

    @Override
    public Set<String> topics() {
        return Set.of(SurveyAnswered.TOPIC);
    }

    @Override
    public void handle(DeliveredEvent event) {
        SurveyAnswered answer = event.payload(SurveyAnswered.class);
        LocalDate day = LocalDate.ofInstant(answer.answeredAt(), time.businessZone());
        db.inTransaction(c -> {
            if (!firstTime(c, event.id())) {
                return null;
            }
            int promoter = "PROMOTER".equals(answer.category()) ? 1 : 0;
            int detractor = "DETRACTOR".equals(answer.category()) ? 1 : 0;
            try (PreparedStatement update = Sql.of("UPDATE ${moduleId}_daily SET answers = answers + 1, promoters = promoters + ?,"
                    + " detractors = detractors + ? WHERE answered_on = ?", promoter, detractor, day).prepare(c)) {
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = Sql.of("INSERT INTO ${moduleId}_daily (answered_on, answers, promoters, detractors) VALUES (?, 1, ?, ?)",
                            day, promoter, detractor).prepare(c)) {
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    private static boolean firstTime(Connection c, String eventId) throws SQLException {
        try (PreparedStatement seen = Sql.of("SELECT 1 FROM ${moduleId}_tallied WHERE event_id = ?", eventId).prepare(c)) {
            if (seen.executeQuery().next()) {
                return false;
            }
        }
        try (PreparedStatement remember = Sql.of("INSERT INTO ${moduleId}_tallied (event_id) VALUES (?)", eventId).prepare(c)) {
            remember.executeUpdate();
        }
        return true;
    }
}
