package cq.jianxi.common.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.time.AppClock;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Token buckets (Bucket4j) per limit and key, kept in memory per instance: the limits protect this
 * instance's resources and slow scripted abuse; the lockout that must hold across instances is in the
 * database (see AuthService). Buckets of idle keys are dropped, so a flood of keys cannot exhaust memory.
 */
@ApplicationScoped
public class RateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofDays(1).plusHours(1))
            .maximumSize(500_000)
            .build();
    private final Map<Limit, Bandwidth> bandwidths = new EnumMap<>(Limit.class);

    @Inject
    AppClock clock;

    /** Takes one token or refuses with 429 and the seconds until the next one. */
    public void consume(Limit limit, String key) {
        long wait = tryConsume(limit, key);
        if (wait > 0) {
            throw ApiProblem.tooManyRequests(limit.message() + "，请在 " + wait + " 秒后重试", wait);
        }
    }

    /** Takes one token; returns 0 when taken, else the seconds to wait (nothing taken). */
    public long tryConsume(Limit limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
    }

    /** Seconds until a token is available, without taking one (0 when available now). */
    public long waitSeconds(Limit limit, String key) {
        Bucket bucket = bucket(limit, key);
        if (bucket.getAvailableTokens() > 0) {
            return 0;
        }
        return seconds(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    /** Forgets a key's bucket (a successful login clears its account's failure count). */
    public void reset(Limit limit, String key) {
        buckets.invalidate(limit.name() + '|' + key);
    }

    private Bucket bucket(Limit limit, String key) {
        return buckets.get(limit.name() + '|' + (key == null ? "-" : key),
                k -> Bucket.builder().addLimit(bandwidth(limit)).withCustomTimePrecision(meter()).build());
    }

    private synchronized Bandwidth bandwidth(Limit limit) {
        return bandwidths.computeIfAbsent(limit, l -> {
            String configured = ConfigProvider.getConfig()
                    .getOptionalValue("jianxi.rate-limit." + l.key(), String.class).orElse(null);
            long capacity = l.defaultCapacity();
            Duration period = l.defaultPeriod();
            if (configured != null) {
                String[] parts = configured.split("/", 2);
                capacity = Long.parseLong(parts[0].trim());
                period = Duration.parse(parts[1].trim());
            }
            return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
        });
    }

    /** Bucket time from the application's one clock (its wall clock, as for token lifetimes). */
    private TimeMeter meter() {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                java.time.Instant now = clock.wallClock();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
