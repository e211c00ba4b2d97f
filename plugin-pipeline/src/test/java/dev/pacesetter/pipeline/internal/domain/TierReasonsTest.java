package dev.pacesetter.pipeline.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.pacesetter.platform.api.i18n.Language;
import dev.pacesetter.platform.api.i18n.TestTexts;

class TierReasonsTest {

    @Test
    void everyReasonTieringWritesReadsTheSameInEnglishAndInChinese() {
        for (String reason : List.of("no orders yet", "no order for 200 days (dormant after 180)",
                "spend 600000.00 CNY in 365 days, 2.5 orders per quarter, repurchase cycle 30 days: spend ≥ 500000.00, frequency ≥ 2, cycle ≤ 45",
                "spend 120000.00 CNY in 365 days, 0.5 orders per quarter, repurchase cycle unknown: spend ≥ 100000.00, not core",
                "spend 1000.00 CNY in 365 days, 1.25 orders per quarter, repurchase cycle 60 days: frequency ≥ 1, not core",
                "spend 1000.00 CNY in 365 days, 0.25 orders per quarter, repurchase cycle unknown: below the growth thresholds")) {
            assertEquals(reason, TestTexts.render(TierReasons.stored(reason), Language.EN));
        }
        assertEquals("365 天内消费 120000.00 CNY，每季度 0.5 单，复购周期 未知：消费额 ≥ 100000.00，未达核心客户标准",
                TestTexts.render(TierReasons.stored("spend 120000.00 CNY in 365 days, 0.5 orders per quarter, repurchase cycle unknown:"
                        + " spend ≥ 100000.00, not core"), Language.ZH_CN));
        assertEquals("已 200 天没有订单（超过 180 天即判定为休眠）", TestTexts.render(TierReasons.stored("no order for 200 days (dormant after 180)"), Language.ZH_CN));
        assertNull(TierReasons.stored("typed by someone"), "other words are shown as written");
    }
}
