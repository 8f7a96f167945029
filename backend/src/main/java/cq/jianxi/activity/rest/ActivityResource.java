package cq.jianxi.activity.rest;

import cq.jianxi.activity.service.ActivityService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.CallerProvider;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.time.LocalDate;
import java.util.List;

/** Matching events and policy sessions (见习活动). */
@Path("/api/activities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "见习活动")
@Authenticated
public class ActivityResource {

    @Inject
    ActivityService activities;

    @Inject
    CallerProvider callers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "已登记", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ActivityView.class)))
    @Operation(summary = "Record an activity",
            description = "区县（本区县）或市人社局登记供需对接活动（线上须填链接、线下须填地点；参与基地、提供岗位、16–24岁失业青年、离校未就业高校毕业生人数）或政策宣讲（服务用人单位、服务青年人数）。计入附件5 推进表和年度目标。")
    public Uni<ActivityView> createActivity(ActivityBody b) {
        if (b == null) {
            throw ApiProblem.invalidField("body", "请求体不能为空");
        }
        return activities.create(callers.current(), new ActivityService.Activity(null, b.kind(), b.regionCode(), b.heldOn(),
                b.title(), b.organizer(), b.venue(), b.link(), nz(b.basesCount()), nz(b.positionsOffered()),
                nz(b.unemployedYouth()), nz(b.graduates()), nz(b.employersServed()), nz(b.youthServed()), 0)).map(ActivityView::of);
    }

    @GET
    @Operation(summary = "List activities", description = "按区县和日期范围列出见习活动；区县管理员只看本区县。")
    public Uni<List<ActivityView>> listActivities(
            @Parameter(description = "区县代码") @QueryParam("regionCode") String regionCode,
            @Parameter(description = "起始日期") @QueryParam("from") LocalDate from,
            @Parameter(description = "截止日期") @QueryParam("to") LocalDate to) {
        return activities.list(callers.current(), regionCode, from, to).map(list -> list.stream().map(ActivityView::of).toList());
    }

    @POST
    @Path("/{id}/placements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Link placements", description = "把活动促成的见习（本区县、活动当天或之后到岗）关联到对接活动，计入“促成见习上岗”。")
    public Uni<ActivityView> addPlacements(@PathParam("id") long id, PlacementsBody body) {
        return activities.addPlacements(callers.current(), id, body == null ? null : body.internshipIds()).map(ActivityView::of);
    }

    private static int nz(Integer v) {
        return v == null ? 0 : v;
    }

    @Schema(name = "ActivityRequest", description = "登记见习活动")
    public record ActivityBody(
            @Schema(description = "类型：MATCHING_ONLINE 线上对接、MATCHING_OFFLINE 线下对接、POLICY_SESSION 政策宣讲", required = true) String kind,
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "活动日期", required = true) LocalDate heldOn,
            @Schema(description = "活动名称", required = true) String title,
            @Schema(description = "主办单位", required = true) String organizer,
            @Schema(description = "地点（线下活动必填）") String venue,
            @Schema(description = "链接（线上活动必填）") String link,
            @Schema(description = "参与基地（家）") Integer basesCount,
            @Schema(description = "提供岗位（个）") Integer positionsOffered,
            @Schema(description = "参与的16–24岁失业青年（人）") Integer unemployedYouth,
            @Schema(description = "参与的离校未就业高校毕业生（人）") Integer graduates,
            @Schema(description = "政策宣讲服务用人单位（家）") Integer employersServed,
            @Schema(description = "政策宣讲服务青年（人）") Integer youthServed) {
    }

    @Schema(name = "PlacementsRequest", description = "关联促成上岗的见习")
    public record PlacementsBody(@Schema(description = "见习编号", required = true) List<Long> internshipIds) {
    }

    @Schema(name = "Activity", description = "见习活动")
    public record ActivityView(
            @Schema(description = "编号", required = true) long id,
            @Schema(description = "类型", required = true) String kind,
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "活动日期", required = true) LocalDate heldOn,
            @Schema(description = "活动名称", required = true) String title,
            @Schema(description = "主办单位", required = true) String organizer,
            @Schema(description = "地点") String venue,
            @Schema(description = "链接") String link,
            @Schema(description = "参与基地（家）", required = true) int basesCount,
            @Schema(description = "提供岗位（个）", required = true) int positionsOffered,
            @Schema(description = "参与的16–24岁失业青年（人）", required = true) int unemployedYouth,
            @Schema(description = "参与的离校未就业高校毕业生（人）", required = true) int graduates,
            @Schema(description = "服务用人单位（家）", required = true) int employersServed,
            @Schema(description = "服务青年（人）", required = true) int youthServed,
            @Schema(description = "促成见习上岗（人，关联的见习数）", required = true) int placements) {
        static ActivityView of(ActivityService.Activity a) {
            return new ActivityView(a.id(), a.kind(), a.regionCode(), a.heldOn(), a.title(), a.organizer(), a.venue(), a.link(),
                    a.basesCount(), a.positionsOffered(), a.unemployedYouth(), a.graduates(), a.employersServed(),
                    a.youthServed(), a.placements());
        }
    }
}
