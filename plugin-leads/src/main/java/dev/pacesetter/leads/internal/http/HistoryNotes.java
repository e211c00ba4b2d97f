package dev.pacesetter.leads.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;
import dev.pacesetter.platform.api.i18n.Messages;

/**
 * The notes of a lead's history as people read them. The notes the plugin writes itself are stored in English
 * words ("created by its owner", "round-robin by rule 3 (region 2) → team 5", "first contact: CALL REACHED by
 * wang.fang", a regrade's explanation); shown, they are read back into messages in the reader's language. Notes
 * people typed (an assignment's or a disqualification's reason) are shown as typed.
 */
final class HistoryNotes {

    private static final Pattern CHOSEN = Pattern.compile("owner chosen by (\\S+)");
    private static final Pattern ROUND_ROBIN = Pattern.compile("round-robin by rule (\\d+) \\((.*)\\) → team (\\d+)");
    private static final Pattern FIRST_CONTACT = Pattern.compile("first contact: ([A-Z]+) ([A-Z_]+) by (\\S+)");
    private static final Pattern GRADED = Pattern.compile("rule '(.*)' \\((.*)\\) of grading rules version (\\d+); intent ([A-Z_]+) \\((\\d)\\),"
            + " budget ([A-Z_]+) \\((\\d)\\), decision role ([A-Z_]+) \\((\\d)\\), total (\\d+)");
    private static final Pattern CONDITION = Pattern.compile("(intent|budget|decision role|total score) ≥ ([A-Z_0-9]+)");

    private HistoryNotes() {
    }

    static String render(Messages messages, String note, Language language) {
        return stored(note, messages, language) instanceof Message message ? messages.render(message, language) : note;
    }

    private static Object stored(String note, Messages messages, Language language) {
        if (note == null) {
            return null;
        }
        if (note.equals("created by its owner")) {
            return Message.of("history.created-by-owner");
        }
        if (note.equals("converted")) {
            return Message.of("history.converted");
        }
        Matcher m = CHOSEN.matcher(note);
        if (m.matches()) {
            return Message.of("history.owner-chosen", m.group(1));
        }
        m = ROUND_ROBIN.matcher(note);
        if (m.matches()) {
            return Message.of("history.round-robin", Long.parseLong(m.group(1)), m.group(2), Long.parseLong(m.group(3)));
        }
        m = FIRST_CONTACT.matcher(note);
        if (m.matches()) {
            return Message.of("history.first-contact", Message.of("touch.noun." + m.group(1)), m.group(1), m.group(2), m.group(3));
        }
        m = GRADED.matcher(note);
        if (m.matches()) {
            Object conditions = conditions(m.group(2));
            String name = m.group(1).equals("no rule matched") ? messages.render(Message.of("history.no-rule"), language)
                    : new GradeTexts(messages, language).name(m.group(1));
            return Message.of("history.graded", name, conditions, Long.parseLong(m.group(3)),
                    Message.of("intent." + m.group(4)), Long.parseLong(m.group(5)), Message.of("budget." + m.group(6)), Long.parseLong(m.group(7)),
                    Message.of("decision." + m.group(8)), Long.parseLong(m.group(9)), Long.parseLong(m.group(10)));
        }
        return note;
    }

    /**
     * "intent ≥ HIGH and budget ≥ CONFIRMED" (as {@link dev.pacesetter.leads.internal.domain.GradingRule#describe()} wrote it) back
     * into words; other text as written.
     */
    private static Object conditions(String text) {
        if (text.equals("fallback")) {
            return Message.of("history.fallback");
        }
        if (text.equals("always")) {
            return Message.of("grading.cond.always");
        }
        List<Message> parts = new ArrayList<>();
        for (String part : text.split(" and ")) {
            Matcher m = CONDITION.matcher(part);
            if (!m.matches()) {
                return text;
            }
            parts.add(switch (m.group(1)) {
                case "intent" -> Message.of("grading.cond.intent", Message.of("intent." + m.group(2)));
                case "budget" -> Message.of("grading.cond.budget", Message.of("budget." + m.group(2)));
                case "decision role" -> Message.of("grading.cond.decision", Message.of("decision." + m.group(2)));
                default -> Message.of("grading.cond.total", Long.parseLong(m.group(2)));
            });
        }
        Message all = parts.get(0);
        for (Message part : parts.subList(1, parts.size())) {
            all = Message.of("grading.cond.and", all, part);
        }
        return all;
    }
}
