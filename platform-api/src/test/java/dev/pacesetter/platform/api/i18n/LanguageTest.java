package dev.pacesetter.platform.api.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void tagsNameTheProductsLanguages() {
        assertEquals(Optional.of(Language.ZH_CN), Language.fromTag("zh-CN"));
        assertEquals(Optional.of(Language.ZH_CN), Language.fromTag("zh_hans"));
        assertEquals(Optional.of(Language.EN), Language.fromTag("EN-gb"));
        assertEquals(Optional.empty(), Language.fromTag("fr"));
        assertEquals(Optional.empty(), Language.fromTag(" "));
    }

    @Test
    void acceptLanguagePicksTheFirstLanguageWeWriteByWeight() {
        assertEquals(Language.EN, Language.fromAcceptLanguage("fr-FR,en;q=0.8,zh;q=0.5", Language.ZH_CN));
        assertEquals(Language.ZH_CN, Language.fromAcceptLanguage("en;q=0.2,zh-CN", Language.EN));
        assertEquals(Language.ZH_CN, Language.fromAcceptLanguage("fr", Language.ZH_CN));
        assertEquals(Language.EN, Language.fromAcceptLanguage(null, Language.EN));
        assertEquals(Language.ZH_CN, Language.fromAcceptLanguage(";;;q=x", Language.ZH_CN));
    }
}
