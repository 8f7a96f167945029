package cq.jianxi.privacy.rest;

import cq.jianxi.privacy.domain.ConsentKind;
import cq.jianxi.privacy.domain.ConsentRecord;
import cq.jianxi.privacy.domain.ConsentText;
import cq.jianxi.privacy.domain.DeletionStatus;
import cq.jianxi.privacy.service.ConsentService;
import cq.jianxi.privacy.service.DeletionService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of the privacy API. */
final class PrivacyViews {

    private PrivacyViews() {
    }

    @Schema(name = "ConsentText", description = "同意书文本（某一版本）")
    record ConsentTextView(
            @Schema(description = "同意事项", required = true) ConsentKind kind,
            @Schema(description = "同意事项名称", required = true) String kindLabel,
            @Schema(description = "版本号；注册时以 consentVersion 提交", required = true) String version,
            @Schema(description = "标题", required = true) String title,
            @Schema(description = "正文（纯文本，段落以换行分隔）", required = true) String body,
            @Schema(description = "生效时间", required = true) OffsetDateTime effectiveFrom) {

        static ConsentTextView of(ConsentText t) {
            return new ConsentTextView(t.kind, t.kind.label(), t.version, t.title, t.body, t.effectiveFrom);
        }
    }

    @Schema(name = "ConsentRecord", description = "一条同意记录")
    record ConsentView(
            @Schema(description = "记录编号", required = true) long id,
            @Schema(description = "同意事项", required = true) ConsentKind kind,
            @Schema(description = "同意事项名称", required = true) String kindLabel,
            @Schema(description = "所同意文本的版本号", required = true) String textVersion,
            @Schema(description = "所同意文本的标题") String title,
            @Schema(description = "同意时间", required = true) OffsetDateTime acceptedAt,
            @Schema(description = "同意时的 IP 地址") String ip) {

        static ConsentView of(ConsentRecord c, String title) {
            return new ConsentView(c.id, c.kind, c.kind.label(), c.textVersion, title, c.acceptedAt, c.ip);
        }
    }

    @Schema(name = "ConsentPage", description = "同意记录分页")
    record ConsentPage(@Schema(description = "本页记录", required = true) List<ConsentView> items,
                       @Schema(description = "总条数", required = true) long total,
                       @Schema(description = "页码，从 0 开始", required = true) int page,
                       @Schema(description = "每页条数", required = true) int size) {

        static ConsentPage of(ConsentService.Page p) {
            return new ConsentPage(p.items().stream().map(c -> ConsentView.of(c, p.titles().get(c.textVersion))).toList(),
                    p.total(), p.page(), p.size());
        }
    }

    @Schema(name = "DeletionTerms", description = "删除个人信息的范围：删除什么、保留什么、保存多久（提交申请前向青年展示）")
    record TermsView(@Schema(description = "将被删除的信息", required = true) List<String> erased,
                     @Schema(description = "依规保留的信息", required = true) List<String> kept,
                     @Schema(description = "保留信息的保存期限和用途说明", required = true) String retention,
                     @Schema(description = "保留信息的保存年限", required = true) int retainedYears) {

        static TermsView of(DeletionService.Terms t) {
            return new TermsView(t.erased(), t.kept(), t.retention(), t.retainedYears());
        }
    }

    @Schema(name = "DeletionRequestBody", description = "申请删除个人信息")
    record DeletionRequestBody(
            @Schema(description = "原因（可不填），不超过 500 字") @Size(max = 500, message = "原因不能超过 500 个字符") String reason) {
    }

    @Schema(name = "DeletionRejectionBody", description = "驳回删除申请")
    record RejectionBody(
            @Schema(description = "驳回原因，不超过 500 字", required = true)
            @NotBlank(message = "请填写驳回原因") @Size(max = 500, message = "驳回原因不能超过 500 个字符") String reason) {
    }

    @Schema(name = "DeletionRequest", description = "个人信息删除申请")
    record DeletionView(
            @Schema(description = "申请编号", required = true) long id,
            @Schema(description = "青年登记编号", required = true) long youthId,
            @Schema(description = "姓名") String name,
            @Schema(description = "身份证号（脱敏）") String idNumber,
            @Schema(description = "申请时的居住区县（由其人社局办理）") String regionCode,
            @Schema(description = "区县名称") String regionName,
            @Schema(description = "申请原因") String reason,
            @Schema(description = "状态：PENDING 待办理，COMPLETED 已删除，REJECTED 已驳回", required = true) DeletionStatus status,
            @Schema(description = "状态名称", required = true) String statusLabel,
            @Schema(description = "申请时间", required = true) OffsetDateTime requestedAt,
            @Schema(description = "办理时间") OffsetDateTime decidedAt,
            @Schema(description = "办理人") String decidedBy,
            @Schema(description = "驳回原因") String rejectReason,
            @Schema(description = "删除了什么（已删除时）") String erased) {

        static DeletionView of(DeletionService.Handled h) {
            var r = h.request();
            var s = h.subject();
            return new DeletionView(r.id, r.youthId, s == null ? null : s.name(), s == null ? null : s.maskedIdNumber(),
                    r.regionCode, s == null ? null : s.regionName(), r.reason, r.status, r.status.label(), r.requestedAt,
                    r.decidedAt, r.decidedByUsername, r.rejectReason, r.erased);
        }
    }

    @Schema(name = "DeletionRequestPage", description = "删除申请分页")
    record DeletionPage(@Schema(description = "本页申请", required = true) List<DeletionView> items,
                        @Schema(description = "总条数", required = true) long total,
                        @Schema(description = "页码，从 0 开始", required = true) int page,
                        @Schema(description = "每页条数", required = true) int size) {

        static DeletionPage of(DeletionService.Page p) {
            return new DeletionPage(p.items().stream().map(DeletionView::of).toList(), p.total(), p.page(), p.size());
        }
    }
}
