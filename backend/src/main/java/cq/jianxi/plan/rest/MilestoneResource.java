package cq.jianxi.plan.rest;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.plan.domain.ScheduleScope;
import cq.jianxi.plan.rest.ProgressViews.PlanProgressView;
import cq.jianxi.plan.rest.ProgressViews.ScheduleRequest;
import cq.jianxi.plan.rest.ProgressViews.ScheduleView;
import cq.jianxi.plan.service.MilestoneService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 倒排时间进度: the monthly milestones of a district's targets and a department's quota, and the city's lock. */
@Path("/api/plans/{year}/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "年度计划")
@Authenticated
public class MilestoneResource {

    @Inject
    MilestoneService schedules;

    @Inject
    CallerProvider callers;

    @GET
    @Path("/{kind}/{code}")
    @Operation(summary = "Get a schedule",
            description = "一个区县（八项目标）或一个有岗位任务的市级部门（募集见习岗位）的倒排进度：逐月累计进度、逐月完成数、本月应达进度与差距。未保存时给出默认建议（已过月份按实际完成，剩余目标按上年逐月分布、上年无记录则平均分到剩余月份）。区县管理员只能看本区县，部门用户只能看本部门。")
    @APIResponse(responseCode = "200", description = "倒排进度")
    @APIResponse(responseCode = "403", description = "不是本区县或本部门")
    @APIResponse(responseCode = "404", description = "年度计划未导入，或该范围没有目标")
    public Uni<ScheduleView> getSchedule(@Parameter(description = "年度") @PathParam("year") int year,
                                         @Parameter(description = "范围类型") @PathParam("kind") ScheduleScope kind,
                                         @Parameter(description = "区县代码或部门代码") @PathParam("code") String code) {
        return schedules.view(callers.current(), year, kind, code).map(ScheduleView::of);
    }

    @PUT
    @Path("/{kind}/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a schedule",
            description = "整体保存一个范围的倒排进度：区县须给出八项全部，部门只给募集见习岗位；每项 12 个月累计数，逐月不减，12 月不低于年度目标。市人社局锁定年度后返回 409。区县管理员只能保存本区县，部门用户只能保存本部门，市人社局可代为保存。")
    @APIResponse(responseCode = "200", description = "已保存，返回保存后的进度")
    @APIResponse(responseCode = "400", description = "进度有误：逐项指出 columns[i].milestones[m]")
    @APIResponse(responseCode = "403", description = "不是本区县或本部门")
    @APIResponse(responseCode = "404", description = "年度计划未导入，或该范围没有目标")
    @APIResponse(responseCode = "409", description = "年度倒排进度已锁定")
    public Uni<ScheduleView> putSchedule(@Parameter(description = "年度") @PathParam("year") int year,
                                         @Parameter(description = "范围类型") @PathParam("kind") ScheduleScope kind,
                                         @Parameter(description = "区县代码或部门代码") @PathParam("code") String code,
                                         @Valid @NotNull ScheduleRequest body) {
        return schedules.save(callers.current(), year, kind, code, body.columns().stream()
                        .map(c -> new MilestoneService.ColumnMilestones(c.column(), c.milestones())).toList())
                .map(ScheduleView::of);
    }

    @POST
    @Path("/lock")
    @Operation(summary = "Lock the year's schedules",
            description = "市人社局锁定该年度所有区县和部门的倒排进度，此后不能修改（已锁定时不变）。")
    @APIResponse(responseCode = "200", description = "已锁定，返回全市进度")
    @APIResponse(responseCode = "403", description = "只有市人社局可以锁定")
    @APIResponse(responseCode = "404", description = "年度计划未导入")
    public Uni<PlanProgressView> lockSchedules(@Parameter(description = "年度") @PathParam("year") int year) {
        return schedules.setLocked(callers.current(), year, true).map(PlanProgressView::of);
    }

    @DELETE
    @Path("/lock")
    @Operation(summary = "Reopen the year's schedules",
            description = "市人社局解除锁定，各区县和部门可再次修改倒排进度（未锁定时不变）。")
    @APIResponse(responseCode = "200", description = "已解锁，返回全市进度")
    @APIResponse(responseCode = "403", description = "只有市人社局可以解锁")
    @APIResponse(responseCode = "404", description = "年度计划未导入")
    public Uni<PlanProgressView> unlockSchedules(@Parameter(description = "年度") @PathParam("year") int year) {
        return schedules.setLocked(callers.current(), year, false).map(PlanProgressView::of);
    }
}
