package dev.pacesetter.leads.internal.domain;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.pacesetter.leads.api.BudgetStatus;
import dev.pacesetter.leads.api.DecisionRole;
import dev.pacesetter.leads.api.Intent;
import dev.pacesetter.leads.api.LeadStatus;
import dev.pacesetter.platform.api.i18n.Message;

/**
 * Reads the leads module's enum values as Chinese teams write them (高/中/低, 决策人/影响者/未知, 已确认/未确认/无, …)
 * alongside the English codes (any case, {@code decision maker} = {@code DECISION_MAKER}). Answers always carry the
 * English code: the aliases are for input only, so clients that read the codes keep working.
 */
public final class LeadVocabulary {

    private static final Map<Class<?>, Map<String, Enum<?>>> ALIASES = new HashMap<>();

    static {
        // an immutable lookup table, not state: it holds no instance and nothing changes it after class loading
        alias(Intent.HIGH, "高", "高意向", "意向高", "强");
        alias(Intent.MEDIUM, "中", "中等", "中意向", "意向中", "一般");
        alias(Intent.LOW, "低", "低意向", "意向低", "弱");
        alias(BudgetStatus.CONFIRMED, "已确认", "确认", "预算已确认", "明确", "预算明确");
        alias(BudgetStatus.UNCONFIRMED, "未确认", "待确认", "预算未确认", "不明确", "预算不明确");
        alias(BudgetStatus.NONE, "无", "没有", "无预算");
        alias(DecisionRole.DECISION_MAKER, "决策人", "决策者", "拍板人");
        alias(DecisionRole.INFLUENCER, "影响者", "影响人");
        alias(DecisionRole.UNKNOWN, "未知", "不清楚");
        alias(LeadStatus.NEW, "新", "新建", "新线索");
        alias(LeadStatus.CONTACTED, "已联系", "已触达");
        alias(LeadStatus.QUALIFIED, "合格", "已确认合格");
        alias(LeadStatus.CONVERTED, "已转化", "转化");
        alias(LeadStatus.DISQUALIFIED, "不合格", "已淘汰", "淘汰");
        alias(TouchKind.CALL, "电话", "打电话", "致电");
        alias(TouchKind.EMAIL, "邮件", "电子邮件", "电邮");
        alias(TouchKind.VISIT, "拜访", "上门", "面访");
        alias(TouchKind.CONTENT, "内容", "内容触达", "资料");
        alias(TouchOutcome.REACHED, "接通", "已接通", "已联系上", "见到");
        alias(TouchOutcome.NO_ANSWER, "未接听", "无人接听", "未接通", "未见到");
        alias(TouchOutcome.LEFT_MESSAGE, "留言", "已留言");
        alias(TouchOutcome.MEETING_BOOKED, "约见", "已约见", "已预约会议");
        alias(TouchOutcome.SENT, "已发送", "发送");
        alias(TouchOutcome.REPLIED, "已回复", "回复");
        alias(TouchOutcome.BOUNCED, "退回", "被退回", "退信");
        alias(ChannelKind.ONLINE_AD, "线上广告", "广告");
        alias(ChannelKind.COMMUNITY, "社群", "社区");
        alias(ChannelKind.TRADE_SHOW, "展会");
        alias(ChannelKind.REFERRAL, "转介绍", "推荐");
        alias(ChannelKind.COLD_CALL, "陌拜", "陌生拜访", "电话陌拜");
        alias(ChannelKind.WEB_FORM, "网页表单", "表单");
        alias(ChannelKind.CONTENT, "内容营销");
        alias(ChannelKind.EVENT, "活动");
        alias(ChannelKind.PARTNER, "合作伙伴", "渠道伙伴");
        alias(ChannelKind.OTHER, "其他");
        alias(CostPeriod.MONTH, "月", "每月", "按月");
        alias(CostPeriod.QUARTER, "季度", "每季度", "按季度");
        alias(CostPeriod.YEAR, "年", "每年", "按年");
    }

    private LeadVocabulary() {
    }

    private static void alias(Enum<?> value, String... words) {
        Map<String, Enum<?>> forType = ALIASES.computeIfAbsent(value.getDeclaringClass(), k -> new LinkedHashMap<>());
        for (String word : words) {
            if (forType.put(word, value) != null) {
                throw new IllegalStateException("alias " + word + " given twice for " + value.getDeclaringClass().getSimpleName());
            }
        }
    }

    /**
     * The value {@code raw} names: its English code in any case and width, with spaces or hyphens for underscores,
     * or a Chinese alias. Empty if it names none (blank included).
     */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = Normalizer.nfkc(raw).strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String code = text.replaceAll("[\\s\\-]+", "_").toUpperCase(Locale.ROOT);
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(code)) {
                return Optional.of(value);
            }
        }
        Map<String, Enum<?>> forType = ALIASES.getOrDefault(type, Map.of());
        return Optional.ofNullable(type.cast(forType.get(text.replaceAll("\\s+", ""))));
    }

    /** "“X”不是可选的值：LOW, MEDIUM, HIGH（或 低, 中, 高）": the message for a value that names nothing. */
    public static <E extends Enum<E>> Message notOneOf(Class<E> type, String raw) {
        StringBuilder chinese = new StringBuilder();
        Map<String, Enum<?>> forType = ALIASES.getOrDefault(type, Map.of());
        for (E value : type.getEnumConstants()) {
            forType.entrySet().stream().filter(e -> e.getValue() == value).map(Map.Entry::getKey).findFirst().ifPresent(word -> chinese.append(chinese.isEmpty() ? "" : ", ").append(word));
        }
        String values = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        return chinese.isEmpty() ? Message.of("field.not-one-of", raw, values) : Message.of("field.not-one-of.or", raw, values, chinese.toString());
    }
}
