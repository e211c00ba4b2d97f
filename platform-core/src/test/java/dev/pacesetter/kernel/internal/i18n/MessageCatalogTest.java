package dev.pacesetter.kernel.internal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.Message;

class MessageCatalogTest {

    private static final Map<String, String> FILES = Map.of(
            "messages.properties", """
                    lead.sla.title=A类线索超时未跟进：{0}
                    lead.sla.body=线索“{0}”已超过 {1} 小时未电话跟进，请区域经理督促。
                    grade.A=A类
                    lead.graded=线索已评为{0}
                    only.chinese=仅有中文
                    broken={0
                    """,
            "messages_en.properties", """
                    lead.sla.title=A lead not phoned in time: {0}
                    lead.sla.body=Lead "{0}" has not been phoned for {1} hours; regional manager, please follow up.
                    grade.A=grade A
                    lead.graded=Lead graded {0}
                    amount=Amount: {0,number,#,##0.00}
                    """);

    private static MessageCatalog catalog() {
        return MessageCatalog.load("test", name -> FILES.containsKey(name)
                ? new ByteArrayInputStream(FILES.get(name).getBytes(StandardCharsets.UTF_8)) : null);
    }

    @Test
    void rendersTheKeyInTheReadersLanguageWithItsArguments() {
        Message title = Message.of("lead.sla.title", "王芳");
        assertEquals("A类线索超时未跟进：王芳", catalog().render(title, Language.ZH_CN));
        assertEquals("A lead not phoned in time: 王芳", catalog().render(title, Language.EN));
        assertEquals("Lead \"华南建材\" has not been phoned for 24 hours; regional manager, please follow up.",
                catalog().render(Message.of("lead.sla.body", "华南建材", 24), Language.EN));
    }

    @Test
    void nestedMessagesAreRenderedInTheSameLanguage() {
        Message graded = Message.of("lead.graded", Message.of("grade.A"));
        assertEquals("线索已评为A类", catalog().render(graded, Language.ZH_CN));
        assertEquals("Lead graded grade A", catalog().render(graded, Language.EN));
    }

    @Test
    void aKeyMissingInEnglishFallsBackToChineseThenToTheKey() {
        assertEquals("仅有中文", catalog().render(Message.of("only.chinese"), Language.EN));
        assertEquals("no.such.key", catalog().render(Message.of("no.such.key", 1), Language.EN));
        assertEquals("no.such.key", catalog().render(Message.of("no.such.key"), Language.ZH_CN));
    }

    @Test
    void findAnswersOnlyForKeysTheCatalogueHas() {
        assertEquals(Optional.of("仅有中文"), catalog().find(Message.of("only.chinese"), Language.EN));
        assertEquals(Optional.empty(), catalog().find(Message.of("no.such.key"), Language.EN));
        assertTrue(catalog().has("amount"));
        assertFalse(catalog().has("nothing"));
    }

    @Test
    void numbersAreFormattedForTheLanguage() {
        assertEquals("Amount: 1,470,000.50", catalog().render(Message.of("amount", new BigDecimal("1470000.5")), Language.EN));
    }

    @Test
    void aMalformedPatternShowsThePatternInsteadOfFailing() {
        assertEquals("{0", catalog().render(Message.of("broken", "x"), Language.ZH_CN));
    }

    @Test
    void withoutFilesEveryMessageIsItsKey() {
        MessageCatalog empty = MessageCatalog.load("nothing", name -> null);
        assertEquals("lead.sla.title", empty.render(Message.of("lead.sla.title", "x"), Language.EN));
    }

    @Test
    void theKernelShipsEveryKeyInBothLanguages() throws Exception {
        Properties chinese = load("messages.properties");
        Properties english = load("messages_en.properties");
        assertEquals(chinese.stringPropertyNames(), english.stringPropertyNames());
        assertEquals("没有与 GET /api/v1/nothing 匹配的 API 路由。",
                MessageCatalogs.withKernelMessages().kernel().render(Message.of("error.route_not_found", "GET", "/api/v1/nothing"), Language.ZH_CN));
    }

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (var in = MessageCatalogs.class.getResourceAsStream(name)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
