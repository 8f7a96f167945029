package cq.jianxi.plan.rest;

import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.plan.rest.PlanViews.PlanSummaryView;
import cq.jianxi.plan.rest.PlanViews.PlanTargetsView;
import cq.jianxi.plan.service.PlanService;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import cq.jianxi.common.web.Uploads;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

/** Yearly plans (年度目标任务) of Annex 2. */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "年度计划")
@Authenticated
public class PlanResource {

    /** A plan table has 41 rows; anything near this size is not one. */
    static final long MAX_UPLOAD_BYTES = 2L * 1024 * 1024;

    @Inject
    PlanService plans;

    @Inject
    CallerProvider callers;

    @GET
    @Operation(summary = "List plan years", description = "列出已导入年度计划的年度（新到旧）。市人社局、区县管理员和市级部门可用。")
    public Uni<List<PlanSummaryView>> listPlans() {
        return plans.listPlans(callers.current()).map(list -> list.stream().map(PlanSummaryView::of).toList());
    }

    @GET
    @Path("/{year}/targets")
    @Operation(summary = "Get a year's targets",
            description = "某年度各区县的八项目标任务及全市合计（合计为 41 个区县之和）。区县管理员只能看到本区县；查询其他区县返回 403。见习基地和青年用户无权访问。")
    public Uni<PlanTargetsView> getTargets(
            @Parameter(description = "年度，如 2023") @PathParam("year") int year,
            @Parameter(description = "只看一个区县（区县管理员只能填本区县）") @QueryParam("regionCode") String regionCode) {
        return plans.targets(callers.current(), year, regionCode == null || regionCode.isBlank() ? null : regionCode.trim())
                .map(PlanTargetsView::of);
    }

    @PUT
    @Path("/{year}/targets")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Load a year's targets from a file",
            description = "市人社局管理员上传 CSV 或 xlsx（列与附件2 相同：region_code, region, new_bases, new_bases_key_enterprises, positions, participants, policy_sessions, matching_events, typical_persons, national_nominations；可含 CITY 合计行），整体替换该年度目标。任何一行有误则整份拒绝（422），逐项列出行号和列名，不写入任何数据。")
    public Uni<PlanTargetsView> putTargets(
            @Parameter(description = "年度") @PathParam("year") int year,
            @Parameter(description = "CSV（UTF-8 或 GB18030）或 xlsx 文件") @RestForm("file") FileUpload file) {
        var caller = callers.current();
        return plans.importTargets(caller, year, file == null ? null : file.fileName(), Uploads.checked(file, MAX_UPLOAD_BYTES))
                .map(PlanTargetsView::of);
    }
}
