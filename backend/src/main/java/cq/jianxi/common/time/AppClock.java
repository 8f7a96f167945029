package cq.jianxi.common.time;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The platform's only source of time. Dates are Chongqing's calendar (Asia/Shanghai), so "today",
 * "this month" and month boundaries never depend on the server's zone; tests replace the bean with a
 * pinned clock so that no result depends on the day the suite runs.
 */
@ApplicationScoped
public class AppClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock system = Clock.system(ZONE);
    private volatile Clock simulated;

    /** The clock itself, for code that takes a {@link Clock}. */
    public Clock clock() {
        Clock s = simulated;
        return s != null ? s : system;
    }

    /**
     * Replays the past: the demo seeder records its year through the domain services at the dates the
     * events happened, at startup and before the HTTP server takes requests. Nothing else calls this.
     */
    public void simulate(Instant at) {
        simulated = Clock.fixed(at, ZONE);
    }

    /** Whether the demo seeder is replaying the past (what happens then is not news to anyone: no texts). */
    public boolean replaying() {
        return simulated != null;
    }

    /** Back to the wall clock once the replay is over. */
    public void endSimulation() {
        simulated = null;
    }

    /**
     * The machine's wall clock, for token lifetimes only: the token verifier (quarkus-oidc, or an
     * external provider) checks expiry against it, whatever the platform's clock says.
     */
    public final Instant wallClock() {
        return Instant.now();
    }

    public Instant instant() {
        return clock().instant();
    }

    /** Now as a UTC timestamp, the form stored in timestamptz columns. */
    public OffsetDateTime now() {
        return OffsetDateTime.ofInstant(instant(), ZoneOffset.UTC);
    }

    /** Today in Chongqing. */
    public LocalDate today() {
        return LocalDate.ofInstant(instant(), ZONE);
    }

    /** The current month in Chongqing. */
    public YearMonth month() {
        return YearMonth.from(today());
    }

    public int year() {
        return today().getYear();
    }

    /** The Chongqing calendar date of a stored timestamp. */
    public static LocalDate dateOf(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(ZONE).toLocalDate();
    }
}
