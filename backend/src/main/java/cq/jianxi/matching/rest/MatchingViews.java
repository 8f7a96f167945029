package cq.jianxi.matching.rest;

import cq.jianxi.matching.domain.ServiceRecord;
import cq.jianxi.matching.service.MatchingService;
import cq.jianxi.report.readmodel.ServiceRates;
import cq.jianxi.position.rest.PositionViews.PositionView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Bodies of the matching and service API. */
public final class MatchingViews {

    private MatchingViews() {
    }

    @Schema(name = "Recommendation", description = "为你推荐的岗位")
    public record RecommendationView(
            @Schema(description = "岗位", required = true) PositionView position,
            @Schema(description = "匹配得分（越高越匹配）", required = true) int score,
            @Schema(description = "推荐理由", required = true) List<String> reasons) {
        static RecommendationView of(MatchingService.Recommendation r) {
            return new RecommendationView(PositionView.of(r.position()), r.score(), r.reasons());
        }
    }

    @Schema(name = "ServiceRequest", description = "记录服务或推送岗位")
    public record ServiceBody(
            @Schema(description = "服务对象（青年编号，一人或多人）", required = true) List<Long> youthIds,
            @Schema(description = "服务类型：POSITION_PUSH 岗位推送、CAREER_GUIDANCE 职业指导、TRAINING_REFERRAL 培训推荐、PHONE_FOLLOW_UP 电话回访", required = true, implementation = cq.jianxi.matching.domain.ServiceKind.class) String kind,
            @Schema(description = "推送的岗位编号（岗位推送时必填）") Long positionId,
            @Schema(description = "备注") String note) {
    }

    @Schema(name = "ServiceRecord", description = "服务记录")
    public record ServiceRecordView(
            @Schema(description = "编号", required = true) long id,
            @Schema(description = "青年编号", required = true) long youthId,
            @Schema(description = "服务类型代码", required = true, implementation = cq.jianxi.matching.domain.ServiceKind.class) String kind,
            @Schema(description = "服务类型（中文）", required = true) String kindLabel,
            @Schema(description = "推送的岗位编号") Long positionId,
            @Schema(description = "备注") String note,
            @Schema(description = "服务人", required = true) String servedBy,
            @Schema(description = "服务时间", required = true) OffsetDateTime servedAt) {
        static ServiceRecordView of(ServiceRecord r) {
            return new ServiceRecordView(r.id, r.youthId, r.kind.name(), r.kind.label(), r.positionId, r.note,
                    r.servedBy, r.servedAt);
        }
    }

    @Schema(name = "RegionServiceRate", description = "一个区县的服务率")
    public record RegionRateView(
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "区县名称", required = true) String regionName,
            @Schema(description = "有见习意愿的离校2年内未就业高校毕业生人数", required = true) long eligible,
            @Schema(description = "其中已服务的人数（有服务记录，或有已签协议、在岗或已到岗的见习）", required = true) long served,
            @Schema(description = "服务率（0–1，目标 1）；没有应服务人员时为 null", required = true, nullable = true) Double rate) {
    }

    @Schema(name = "UnservedYouth", description = "尚未服务的人员")
    public record UnservedView(
            @Schema(description = "青年编号", required = true) long youthId,
            @Schema(description = "姓名", required = true) String name,
            @Schema(description = "学校") String school,
            @Schema(description = "专业") String major,
            @Schema(description = "毕业日期") LocalDate graduationDate) {
    }

    @Schema(name = "ServiceRate", description = "服务率：已服务 ÷ 有见习意愿的离校2年内未就业高校毕业生")
    public record ServiceRateView(
            @Schema(description = "范围内应服务人数", required = true) long eligible,
            @Schema(description = "已服务人数", required = true) long served,
            @Schema(description = "服务率（0–1，目标 1）；没有应服务人员时为 null", required = true, nullable = true) Double rate,
            @Schema(description = "各区县（区县管理员只含本区县）", required = true) List<RegionRateView> regions,
            @Schema(description = "指定区县时的未服务人员名单", required = true) List<UnservedView> unserved) {
        static ServiceRateView of(ServiceRates.ServiceRate r) {
            return new ServiceRateView(r.eligible(), r.served(), r.rate(),
                    r.regions().stream().map(x -> new RegionRateView(x.regionCode(), x.regionName(), x.eligible(),
                            x.served(), x.rate())).toList(),
                    r.unserved().stream().map(u -> new UnservedView(u.youthId(), u.name(), u.school(), u.major(),
                            u.graduationDate())).toList());
        }
    }
}
