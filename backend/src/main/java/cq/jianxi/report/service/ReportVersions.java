package cq.jianxi.report.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of the frozen report versions, through the pool one statement at a time (never while another
 * connection is held), so that reading reports cannot starve the pool.
 */
@ApplicationScoped
public class ReportVersions {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    Pool pool;

    /** One submitted version of a region's month. */
    public record Version(long id, String regionCode, YearMonth period, int version, String status,
                          List<MonthlyReportService.Cell> annex4, List<MonthlyReportService.Cell> annex5, String filledBy,
                          LocalDate filledOn, String submittedBy, OffsetDateTime submittedAt, String decidedBy,
                          OffsetDateTime decidedAt, String returnReason, String correctionReason) {
    }

    /** One closing of the city's month. */
    public record CityVersion(long id, YearMonth period, int version, MonthlyReportService.CityComposition tables,
                              String closedBy, OffsetDateTime closedAt) {
    }

    private static final String COLUMNS = """
            id, region_code, version, status, annex4::text, annex5::text, filled_by, filled_on, submitted_by, submitted_at,
            decided_by, decided_at, return_reason, correction_reason""";

    /** All versions of a region's month, newest first. */
    public Uni<List<Version>> versions(String regionCode, YearMonth period) {
        return pool.preparedQuery("select " + COLUMNS + " from monthly_report where region_code = $1 and period = $2 order by version desc")
                .execute(Tuple.of(regionCode, period.atDay(1)))
                .map(rows -> {
                    List<Version> list = new ArrayList<>();
                    rows.forEach(r -> list.add(version(r, period)));
                    return list;
                });
    }

    /** The version that counts for a region: the newest one not superseded. */
    public static Version latest(List<Version> newestFirst) {
        return newestFirst.stream().filter(v -> !"SUPERSEDED".equals(v.status())).findFirst().orElse(null);
    }

    /** For each region, its latest accepted version, else its pending submission; regions without either are absent. */
    public Uni<Map<String, Version>> latestPerRegion(YearMonth period) {
        return pool.preparedQuery("select distinct on (region_code) " + COLUMNS + """
                         from monthly_report where period = $1 and status in ('ACCEPTED', 'SUBMITTED')
                        order by region_code, case status when 'ACCEPTED' then 0 else 1 end, version desc""")
                .execute(Tuple.of(period.atDay(1)))
                .map(rows -> {
                    Map<String, Version> map = new LinkedHashMap<>();
                    rows.forEach(r -> map.put(r.getString("region_code"), version(r, period)));
                    return map;
                });
    }

    /** The city's closings of a month, newest first. */
    public Uni<List<CityVersion>> cityVersions(YearMonth period) {
        return pool.preparedQuery("""
                        select id, version, annex4::text, annex5::text, composition::text, closed_by, closed_at
                        from city_monthly_report where period = $1 order by version desc""")
                .execute(Tuple.of(period.atDay(1)))
                .map(rows -> {
                    List<CityVersion> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new CityVersion(r.getLong("id"), period, r.getInteger("version"),
                            composition(r.getString(4)), r.getString("closed_by"), r.getOffsetDateTime("closed_at"))));
                    return list;
                });
    }

    private static Version version(Row r, YearMonth period) {
        return new Version(r.getLong("id"), r.getString("region_code"), period, r.getInteger("version"), r.getString("status"),
                cells(r.getString(4)), cells(r.getString(5)), r.getString("filled_by"), r.getLocalDate("filled_on"),
                r.getString("submitted_by"), r.getOffsetDateTime("submitted_at"), r.getString("decided_by"),
                r.getOffsetDateTime("decided_at"), r.getString("return_reason"), r.getString("correction_reason"));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static MonthlyReportService.CityComposition composition(String json) {
        try {
            return JSON.readerFor(MonthlyReportService.CityComposition.class)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<MonthlyReportService.Cell> cells(String json) {
        try {
            return JSON.readerFor(new TypeReference<List<MonthlyReportService.Cell>>() { })
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
