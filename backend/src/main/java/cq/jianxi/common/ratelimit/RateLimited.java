package cq.jianxi.common.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a resource method under a limit, keyed by the signed-in account or, for anonymous callers,
 * the client address. Limits keyed by something in the request (a username, a phone) are applied by
 * the service itself through {@link RateLimiter}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {
    Limit value();

    /** Only anonymous callers are limited (signed-in staff file bases by the dozen). */
    boolean anonymousOnly() default false;
}
