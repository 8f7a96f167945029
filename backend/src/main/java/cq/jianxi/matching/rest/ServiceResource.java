package cq.jianxi.matching.rest;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.matching.rest.MatchingViews.ServiceBody;
import cq.jianxi.matching.rest.MatchingViews.ServiceRateView;
import cq.jianxi.matching.rest.MatchingViews.ServiceRecordView;
import cq.jianxi.matching.service.MatchingService;
import cq.jianxi.report.readmodel.ServiceRates;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

/** Service records (服务记录), position pushes and the service rate. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "匹配与服务")
@Authenticated
public class ServiceResource {

    @Inject
    MatchingService matching;

    @Inject
    ServiceRates serviceRates;

    @Inject
    CallerProvider callers;

    @POST
    @Path("/services")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(summary = "Record a service or push a position",
            description = "区县（服务范围内的人员）或市人社局管理员为一人或多人记录服务；岗位推送会向每人发送站内通知。任何一人不在服务范围内则整体拒绝。")
    @APIResponse(responseCode = "201", description = "已记录", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceRecordView.class)))
    public Uni<List<ServiceRecordView>> recordService(ServiceBody body) {
        if (body == null) {
            throw ApiProblem.invalidField("body", "请求体不能为空");
        }
        return matching.record(callers.current(), body.youthIds(), body.kind(), body.positionId(), body.note())
                .map(list -> list.stream().map(ServiceRecordView::of).toList());
    }

    @GET
    @Path("/services")
    @Operation(summary = "Service history of a young person", description = "一名青年的服务记录（服务范围内的工作人员或本人）。")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "服务记录")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "404", description = "该青年未登记，或不在调用者的服务范围内")
    public Uni<List<ServiceRecordView>> listServices(@Parameter(description = "青年编号", required = true) @QueryParam("youthId") Long youthId) {
        if (youthId == null) {
            throw ApiProblem.invalidField("youthId", "请指定青年编号");
        }
        return matching.history(callers.current(), youthId).map(list -> list.stream().map(ServiceRecordView::of).toList());
    }

    @GET
    @Path("/service-rate")
    @Operation(summary = "Service rate",
            description = "服务率 = 有见习意愿的离校2年内未就业高校毕业生中已服务的人数 ÷ 全部此类人数（目标 100%），按居住地区县统计；有服务记录，或有已签协议、在岗或已到岗的见习，即为已服务。没有应服务人员时服务率为 null（不是 100%）。指定 regionCode 时附未服务人员名单。区县管理员只看本区县。")
    public Uni<ServiceRateView> getServiceRate(@Parameter(description = "区县代码") @QueryParam("regionCode") String regionCode) {
        return serviceRates.serviceRate(callers.current(), regionCode).map(ServiceRateView::of);
    }
}
