package ${package}.api;

import java.time.Instant;

import dev.pacesetter.platform.api.events.EventPayload;

/**
 * A customer answered the satisfaction survey: how likely they are to recommend us, from 0 to 10.
 *
 * @param surveyId the survey
 * @param ownerId the rep who asked
 * @param customer the customer, as the rep wrote it
 * @param score 0 to 10
 * @param category PROMOTER (9-10), PASSIVE (7-8) or DETRACTOR (0-6)
 * @param answeredAt when
 */
@EventPayload(topic = SurveyAnswered.TOPIC, when = "a customer answered the satisfaction survey", aggregate = "the survey")
public record SurveyAnswered(long surveyId, long ownerId, String customer, int score, String category, Instant answeredAt) {

    public static final String TOPIC = "${moduleId}/survey.answered";
}
