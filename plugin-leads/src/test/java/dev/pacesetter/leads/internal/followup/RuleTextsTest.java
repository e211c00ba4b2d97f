package dev.pacesetter.leads.internal.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.pacesetter.leads.api.Grade;
import dev.pacesetter.leads.internal.domain.FollowUpPolicy;
import dev.pacesetter.leads.internal.domain.TouchKind;
import dev.pacesetter.platform.api.i18n.Message;

class RuleTextsTest {

    private static final FollowUpPolicy A = new FollowUpPolicy(Grade.A, TouchKind.CALL, Duration.ofHours(24), null);
    private static final FollowUpPolicy B = new FollowUpPolicy(Grade.B, TouchKind.CONTENT, Duration.ofDays(7), Duration.ofDays(7));

    @Test
    void aLeadsArePhonedWithin24HoursInBothLanguages() throws Exception {
        assertEquals("A类线索24小时内电话跟进", render(RuleTexts.of(A), "messages.properties", Locale.SIMPLIFIED_CHINESE));
        assertEquals("A leads phoned within 24 hours", render(RuleTexts.of(A), "messages_en.properties", Locale.ENGLISH));
        assertEquals(A.rule(), render(RuleTexts.of(A), "messages_en.properties", Locale.ENGLISH));
    }

    @Test
    void repeatedFollowUpsSayHowOften() throws Exception {
        assertEquals("B类线索7天内发送内容，此后每7天一次", render(RuleTexts.of(B), "messages.properties", Locale.SIMPLIFIED_CHINESE));
        assertEquals(B.rule(), render(RuleTexts.of(B), "messages_en.properties", Locale.ENGLISH));
        assertEquals(B.repeatRule(), render(RuleTexts.repeatOf(B), "messages_en.properties", Locale.ENGLISH));
        assertEquals("B类线索每7天发送内容一次", render(RuleTexts.repeatOf(B), "messages.properties", Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void durationsInWords() throws Exception {
        assertEquals("1 hour 30 minutes", render(RuleTexts.duration(Duration.ofMinutes(90)), "messages_en.properties", Locale.ENGLISH));
        assertEquals("1小时30分钟", render(RuleTexts.duration(Duration.ofMinutes(90)), "messages.properties", Locale.SIMPLIFIED_CHINESE));
        assertEquals("3 seconds", render(RuleTexts.duration(Duration.ofSeconds(3)), "messages_en.properties", Locale.ENGLISH));
    }

    @Test
    void aStoredRuleIsReadBackIntoItsMessageWhateverThePolicyIsNow() {
        assertEquals(RuleTexts.of(A), RuleTexts.stored(A.rule()));
        assertEquals(RuleTexts.of(B), RuleTexts.stored(B.rule()));
        assertEquals(RuleTexts.repeatOf(B), RuleTexts.stored(B.repeatRule()));
        FollowUpPolicy odd = new FollowUpPolicy(Grade.C, TouchKind.EMAIL, Duration.ofSeconds(5403), null);
        assertEquals(RuleTexts.of(odd), RuleTexts.stored(odd.rule()), odd.rule());
        assertEquals("call them soon", RuleTexts.stored("call them soon"));
    }

    @Test
    void everyTextExistsInChineseAndEnglish() throws Exception {
        assertEquals(load("messages.properties").stringPropertyNames(), load("messages_en.properties").stringPropertyNames());
    }

    /** What the kernel does with a bundle's files, enough to read the texts here without a framework. */
    private static String render(Message message, String file, Locale locale) throws Exception {
        Properties texts = load(file);
        Object[] args = new Object[message.args().size()];
        for (int i = 0; i < args.length; i++) {
            Object arg = message.args().get(i);
            args[i] = arg instanceof Message nested ? render(nested, file, locale) : arg;
        }
        return new MessageFormat(texts.getProperty(message.key()), locale).format(args);
    }

    private static Properties load(String file) throws Exception {
        Properties properties = new Properties();
        try (var in = RuleTextsTest.class.getResourceAsStream("/OSGI-INF/l10n/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
