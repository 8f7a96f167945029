package cq.jianxi.common.ratelimit;

import java.time.Duration;

/**
 * The rate limits of the public surface and of expensive reads. Each has a default capacity per
 * period, overridable as {@code jianxi.rate-limit.<kebab-name>=<capacity>/<ISO duration>}.
 */
public enum Limit {
    /** Login attempts from one client address, whatever the usernames. */
    LOGIN_ADDRESS(20, Duration.ofMinutes(1), "登录请求过于频繁"),
    /** Failed logins of one account from all addresses: slows guessing without locking the owner out. */
    LOGIN_ACCOUNT_FAILURES(20, Duration.ofMinutes(15), "该账户登录失败次数过多，请稍后再试"),
    /** Registrations (and roster claims) from one client address. */
    REGISTRATION_ADDRESS(10, Duration.ofHours(1), "注册请求过于频繁"),
    /** One-time codes requested from one client address. */
    CODE_ADDRESS(10, Duration.ofHours(1), "验证码请求过于频繁"),
    /** One-time codes sent to one phone: one a minute, ten a day. */
    CODE_PHONE(1, Duration.ofMinutes(1), "验证码发送过于频繁，请稍后再试"),
    CODE_PHONE_DAY(10, Duration.ofDays(1), "该号码今日验证码次数已用完"),
    /** Anonymous base filings from one client address. */
    FILING_ADDRESS(10, Duration.ofHours(1), "备案提交过于频繁"),
    /** Searches and list reads, per client address (anonymous) or per account (signed in). */
    SEARCH(120, Duration.ofMinutes(1), "查询过于频繁"),
    /** Exports (xlsx, csv, json downloads) per account. */
    EXPORT(20, Duration.ofMinutes(10), "导出过于频繁");

    private final long capacity;
    private final Duration period;
    private final String message;

    Limit(long capacity, Duration period, String message) {
        this.capacity = capacity;
        this.period = period;
        this.message = message;
    }

    public long defaultCapacity() {
        return capacity;
    }

    public Duration defaultPeriod() {
        return period;
    }

    public String message() {
        return message;
    }

    /** The configuration key suffix, e.g. LOGIN_ADDRESS → login-address. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
