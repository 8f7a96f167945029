package cq.jianxi.calendar.rest;

import cq.jianxi.common.time.Months;
import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.calendar.service.WorkCalendar;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/** The official holiday calendar and the report due dates it gives. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "统计报表")
@Authenticated
public class CalendarResource {

    @Inject
    WorkCalendar calendar;

    @Inject
    CallerProvider callers;

    @GET
    @Path("/calendar/{year}")
    @Operation(summary = "Holiday calendar of a year", description = "某年度的法定节假日放假日期和调休上班日期（国务院每年秋季公布）。")
    public Uni<CalendarView> getCalendar(@PathParam("year") int year) {
        callers.current();
        return calendar.year(year).map(y -> new CalendarView(y.year(), y.published(), y.off(), y.work()));
    }

    @PUT
    @Path("/calendar/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a year's holiday calendar",
            description = "市人社局管理员录入新一年的放假安排（整体替换）：放假日期和调休上班日期（须为周末）。")
    public Uni<CalendarView> putCalendar(@PathParam("year") int year, CalendarBody body) {
        return calendar.publish(callers.current(), year, body == null ? null : body.off(), body == null ? null : body.work())
                .flatMap(v -> calendar.year(year)).map(y -> new CalendarView(y.year(), y.published(), y.off(), y.work()));
    }

    @GET
    @Path("/reports/due-date")
    @Operation(summary = "Due date of a monthly report",
            description = "月报的填报截止日期：次月第 2 个工作日（遇节假日顺延，调休上班日计为工作日）。次月所在年度的放假安排尚未录入时 dueDate 为空并说明原因。")
    public Uni<DueDateView> getDueDate(@Parameter(description = "统计月份 YYYY-MM", required = true) @jakarta.validation.constraints.Pattern(regexp = cq.jianxi.common.validation.Formats.MONTH, message = "月份格式应为 YYYY-MM") @QueryParam("period") String period) {
        callers.current();
        return calendar.dueDate(Months.parse("period", period))
                .map(d -> new DueDateView(d.period().toString(), d.dueDate(), d.provisional(), d.message()));
    }

    @Schema(name = "HolidayCalendar", description = "年度放假安排")
    public record CalendarView(
            @Schema(description = "年度", required = true) int year,
            @Schema(description = "是否已录入", required = true) boolean published,
            @Schema(description = "放假日期", required = true) List<LocalDate> off,
            @Schema(description = "调休上班日期", required = true) List<LocalDate> work) {
    }

    @Schema(name = "HolidayCalendarRequest", description = "录入年度放假安排")
    public record CalendarBody(
            @Schema(description = "放假日期（不填为无）") List<LocalDate> off,
            @Schema(description = "调休上班日期（周末；不填为无）") List<LocalDate> work) {
    }

    @Schema(name = "DueDate", description = "月报截止日期")
    public record DueDateView(
            @Schema(description = "统计月份", required = true) String period,
            @Schema(description = "截止日期（次月第 2 个工作日）", required = true) LocalDate dueDate,
            @Schema(description = "是否暂定：次月所在年度的放假安排尚未录入，按周末推算", required = true) boolean provisional,
            @Schema(description = "暂定时的说明（提示市人社局录入放假安排）") String message) {
    }
}
