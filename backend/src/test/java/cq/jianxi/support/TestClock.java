package cq.jianxi.support;

import cq.jianxi.common.time.AppClock;
import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The pinned clock of every test: a fixed Chongqing instant (a Wednesday in the middle of November
 * 2026) unless a test moves it, so no test depends on the day the suite runs. Tests that move it put
 * it back with {@link #reset()}.
 */
@Mock
@ApplicationScoped
public class TestClock extends AppClock {

    public static final Instant PINNED = OffsetDateTime.parse("2026-11-18T10:00:00+08:00").toInstant();

    private static volatile Instant current = PINNED;

    @Override
    public Clock clock() {
        return Clock.fixed(current, ZONE);
    }

    /** Moves the platform's clock to a Chongqing date-time, e.g. "2027-01-31T23:30:00". */
    public static void set(String chongqingDateTime) {
        current = java.time.LocalDateTime.parse(chongqingDateTime).atZone(ZONE).toInstant();
    }

    public static void set(Instant instant) {
        current = instant;
    }

    /** The instant the platform's clock shows now (tests compute authenticator codes from it). */
    public static Instant current() {
        return current;
    }

    /** Today on the pinned clock, in Chongqing. */
    public static java.time.LocalDate pinnedToday() {
        return java.time.LocalDate.ofInstant(current, ZONE);
    }

    public static java.time.YearMonth pinnedMonth() {
        return java.time.YearMonth.from(pinnedToday());
    }

    /** Now on the pinned clock, in Chongqing. */
    public static java.time.OffsetDateTime pinnedNow() {
        return java.time.OffsetDateTime.ofInstant(current, ZONE);
    }

    public static void reset() {
        current = PINNED;
    }
}
