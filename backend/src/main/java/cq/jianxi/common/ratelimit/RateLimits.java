package cq.jianxi.common.ratelimit;

/** Texts the contract repeats on every limited operation. */
public final class RateLimits {

    public static final String TOO_MANY = "请求过于频繁（application/problem+json），响应头 Retry-After 给出可重试的秒数";

    private RateLimits() {
    }
}
