package dev.pacesetter.leads.internal.domain;

/** What a lead channel is. */
public enum ChannelKind {
    ONLINE_AD, COMMUNITY, TRADE_SHOW, REFERRAL, COLD_CALL, WEB_FORM, CONTENT, EVENT, PARTNER, OTHER
}
