package cq.jianxi.activity.rest;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Max;

import cq.jianxi.activity.service.UpcomingActivities;
import cq.jianxi.common.ratelimit.Limit;
import cq.jianxi.common.ratelimit.RateLimited;
import cq.jianxi.common.ratelimit.RateLimits;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/** The public door's activities: matching events and policy sessions still to come. */
@Path("/api/public/activities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "见习活动")
@PermitAll
public class PublicActivityResource {

    @Inject
    UpcomingActivities upcoming;

    @GET
    @Operation(summary = "List upcoming activities",
            description = "公开的近期活动（无需登录）：今天及以后举办的供需对接活动和政策宣讲，按日期排列，分页并返回总数；只含标题、类型、区县、日期、主办、地点或线上链接。")
    @RateLimited(Limit.SEARCH)
    @APIResponse(responseCode = "200", description = "一页活动")
    @APIResponse(responseCode = "400", description = "类型、页码或每页条数不合法")
    @APIResponse(responseCode = "429", description = RateLimits.TOO_MANY)
    public Uni<UpcomingPageView> listUpcomingActivities(
            @Parameter(description = "区县代码") @QueryParam("regionCode") String regionCode,
            @Parameter(description = "活动类型代码：MATCHING_ONLINE、MATCHING_OFFLINE、POLICY_SESSION", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {"MATCHING_ONLINE", "MATCHING_OFFLINE", "POLICY_SESSION"})) @QueryParam("kind") String kind,
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–50") @Min(value = 1, message = "每页条数须在 1 到 50 之间") @Max(value = 50, message = "每页条数须在 1 到 50 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return upcoming.list(regionCode, kind, page, size).map(UpcomingPageView::of);
    }

    @Schema(name = "UpcomingActivity", description = "近期活动（公开）")
    public record UpcomingView(
            @Schema(description = "活动编号", required = true) long id,
            @Schema(description = "类型代码", required = true, enumeration = {"MATCHING_ONLINE", "MATCHING_OFFLINE", "POLICY_SESSION"}) String kind,
            @Schema(description = "标题", required = true) String title,
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "区县", required = true) String regionName,
            @Schema(description = "举办日期", required = true) LocalDate heldOn,
            @Schema(description = "主办单位", required = true) String organizer,
            @Schema(description = "地点（线下活动）") String venue,
            @Schema(description = "线上链接（线上活动）") String link) {
    }

    @Schema(name = "UpcomingActivityPage", description = "近期活动分页结果")
    public record UpcomingPageView(
            @Schema(description = "本页条目", required = true) List<UpcomingView> items,
            @Schema(description = "总条数", required = true) long total,
            @Schema(description = "页码，从 0 开始", required = true) int page,
            @Schema(description = "每页条数", required = true) int size) {
        static UpcomingPageView of(UpcomingActivities.Page p) {
            return new UpcomingPageView(p.items().stream().map(a -> new UpcomingView(a.id(), a.kind(), a.title(),
                    a.regionCode(), a.regionName(), a.heldOn(), a.organizer(), a.venue(), a.link())).toList(),
                    p.total(), p.page(), p.size());
        }
    }
}
