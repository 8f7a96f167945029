package cq.jianxi.report.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import cq.jianxi.region.service.Regions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of the submitted annual reports, through the pool one statement at a time. A region's status for a
 * year is its newest version's (SUBMITTED, RETURNED or ACCEPTED), or DRAFT when it has none.
 */
@ApplicationScoped
public class AnnualSubmissions {

    public static final String DRAFT = "DRAFT";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String RETURNED = "RETURNED";
    public static final String ACCEPTED = "ACCEPTED";

    @Inject
    Regions regions;
    @Inject
    Pool pool;

    /** The district's narrative: the year's work, its problems, next year's plan. */
    public record Narrative(String workDone, String problems, String nextYearPlan) {
    }

    /** One submission of a region's year, with its figures as frozen at submission. */
    public record Version(long id, int year, String regionCode, int version, String status,
                          AnnualReportService.RegionYear figures, Narrative narrative, String submittedBy,
                          OffsetDateTime submittedAt, String reviewedBy, OffsetDateTime reviewedAt, String returnReason) {
    }

    /** Where a region stands for the year. */
    public record Standing(String regionCode, String regionName, String status, Integer version, OffsetDateTime submittedAt,
                           OffsetDateTime reviewedAt, String returnReason) {
    }

    private static final String COLUMNS = """
            id, year, region_code, version, status, figures::text, work_done, problems, next_year_plan, submitted_by,
            submitted_at, reviewed_by, reviewed_at, return_reason""";

    /** All versions of a region's year, newest first. */
    public Uni<List<Version>> versions(int year, String regionCode) {
        return pool.preparedQuery("select " + COLUMNS + " from annual_report where year = $1 and region_code = $2 order by version desc")
                .execute(Tuple.of(year, regionCode)).map(rows -> {
                    List<Version> list = new ArrayList<>();
                    rows.forEach(r -> list.add(version(r)));
                    return list;
                });
    }

    /** The newest version, whose status is the region's; null when the region has not submitted. */
    public static Version latest(List<Version> newestFirst) {
        return newestFirst.isEmpty() ? null : newestFirst.get(0);
    }

    /** For each region, its accepted or waiting version of the year; regions without one are absent. */
    public Uni<Map<String, Version>> currentPerRegion(int year) {
        return pool.preparedQuery("select " + COLUMNS + " from annual_report where year = $1 and status in ('SUBMITTED', 'ACCEPTED')")
                .execute(Tuple.of(year)).map(rows -> {
                    Map<String, Version> map = new LinkedHashMap<>();
                    rows.forEach(r -> map.put(r.getString("region_code"), version(r)));
                    return map;
                });
    }

    /** Every region (or the one given) with its newest version's status, in the official order. */
    public Uni<List<Standing>> standings(int year, String onlyRegion) {
        return regions.listInOrder().flatMap(all -> pool.preparedQuery("""
                        select distinct on (x.region_code) x.region_code, x.status, x.version, x.submitted_at,
                               x.reviewed_at, x.return_reason
                        from annual_report x where x.year = $1 order by x.region_code, x.version desc""")
                .execute(Tuple.of(year))
                .map(rows -> {
                    Map<String, Row> latest = new LinkedHashMap<>();
                    rows.forEach(r -> latest.put(r.getString(0), r));
                    List<Standing> list = new ArrayList<>();
                    all.stream().filter(region -> onlyRegion == null || region.code.equals(onlyRegion)).forEach(region -> {
                        Row r = latest.get(region.code);
                        list.add(r == null ? new Standing(region.code, region.shortName, DRAFT, null, null, null, null)
                                : new Standing(region.code, region.shortName, r.getString(1), r.getInteger(2),
                                r.getOffsetDateTime(3), r.getOffsetDateTime(4), r.getString(5)));
                    });
                    return list;
                }));
    }

    private static Version version(Row r) {
        return new Version(r.getLong("id"), r.getInteger("year"), r.getString("region_code"), r.getInteger("version"),
                r.getString("status"), figures(r.getString(5)),
                new Narrative(r.getString("work_done"), r.getString("problems"), r.getString("next_year_plan")),
                r.getString("submitted_by"), r.getOffsetDateTime("submitted_at"), r.getString("reviewed_by"),
                r.getOffsetDateTime("reviewed_at"), r.getString("return_reason"));
    }

    static String json(AnnualReportService.RegionYear figures) {
        return ReportVersions.json(figures);
    }

    static AnnualReportService.RegionYear figures(String json) {
        try {
            return ReportVersions.JSON.readerFor(AnnualReportService.RegionYear.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
