package cq.jianxi.quality.rest;

import cq.jianxi.quality.domain.BaseComplaint;
import cq.jianxi.quality.domain.CaseStatus;
import cq.jianxi.quality.domain.ComplaintOutcome;
import cq.jianxi.quality.domain.ConsentMethod;
import cq.jianxi.quality.domain.Decision;
import cq.jianxi.quality.domain.DisqualificationCase;
import cq.jianxi.quality.domain.DisqualificationRule;
import cq.jianxi.quality.domain.RuleCode;
import cq.jianxi.quality.domain.TypicalPersonStatus;
import cq.jianxi.quality.service.DisqualificationRules.Hit;
import cq.jianxi.quality.service.DisqualificationService;
import cq.jianxi.quality.service.TypicalPersonService;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of the quality API (disqualification, complaints, typical persons). */
final class QualityViews {

    private QualityViews() {
    }

    @Schema(name = "DisqualificationRule", description = "取消见习基地资格的一条规则及其参数")
    record RuleView(
            @Schema(description = "规则代码", required = true) RuleCode code,
            @Schema(description = "规则名称", required = true) String name,
            @Schema(description = "是否启用", required = true) boolean enabled,
            @Schema(description = "NO_INTERN_WITHIN_MONTHS：备案后的月数") Integer months,
            @Schema(description = "LOW_RETENTION_YEARS：须达到的留用率（0–1）") BigDecimal rate,
            @Schema(description = "LOW_RETENTION_YEARS：连续完整年度数") Integer years,
            @Schema(description = "修改人", required = true) String updatedBy,
            @Schema(description = "修改时间", required = true) OffsetDateTime updatedAt) {

        static RuleView of(DisqualificationRule r) {
            return new RuleView(r.code, r.code.label(), r.enabled, r.months, r.rate, r.years, r.updatedBy, r.updatedAt);
        }
    }

    @Schema(name = "DisqualificationRuleUpdate", description = "修改规则：启用与否及参数（只对有参数的规则有意义）")
    record RuleUpdateBody(
            @Schema(description = "是否启用", required = true) @NotNull(message = "请说明是否启用") Boolean enabled,
            @Schema(description = "月数，1–60（NO_INTERN_WITHIN_MONTHS）") @Min(value = 1, message = "月数须在 1 到 60 之间")
            @Max(value = 60, message = "月数须在 1 到 60 之间") Integer months,
            @Schema(description = "留用率，大于 0 且不超过 1（LOW_RETENTION_YEARS）")
            @DecimalMin(value = "0", inclusive = false, message = "留用率须大于 0") @DecimalMax(value = "1", message = "留用率不能超过 1") BigDecimal rate,
            @Schema(description = "年数，1–5（LOW_RETENTION_YEARS）") @Min(value = 1, message = "年数须在 1 到 5 之间")
            @Max(value = 5, message = "年数须在 1 到 5 之间") Integer years) {
    }

    @Schema(name = "RuleHit", description = "基地符合的一条规则及依据")
    record HitView(@Schema(description = "规则代码", required = true) RuleCode rule,
                   @Schema(description = "规则名称", required = true) String ruleName,
                   @Schema(description = "依据（数据）", required = true) String evidence) {
        static HitView of(Hit h) {
            return new HitView(h.rule(), h.rule().label(), h.evidence());
        }
    }

    @Schema(name = "DisqualificationCase", description = "取消资格预警（案件）")
    record CaseView(
            @Schema(description = "编号", required = true) long id,
            @Schema(description = "基地编号", required = true) long baseId,
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "规则", required = true) RuleCode rule,
            @Schema(description = "规则名称", required = true) String ruleName,
            @Schema(description = "状态：WARNED 已预警，RECTIFYING 限期整改，REVOKED 已取消资格，DISMISSED 已销案", required = true) CaseStatus status,
            @Schema(description = "状态名称", required = true) String statusLabel,
            @Schema(description = "预警时的依据", required = true) String evidence,
            @Schema(description = "预警时间", required = true) OffsetDateTime warnedAt,
            @Schema(description = "预警人", required = true) String warnedBy,
            @Schema(description = "整改期限") LocalDate rectifyBy,
            @Schema(description = "处理说明（整改要求或理由）") String decisionNote,
            @Schema(description = "处理时间") OffsetDateTime decidedAt,
            @Schema(description = "处理人") String decidedBy) {

        static CaseView of(DisqualificationCase c) {
            return new CaseView(c.id, c.baseId, c.regionCode, c.rule, c.rule.label(), c.status, c.status.label(), c.evidence,
                    c.warnedAt, c.warnedBy, c.rectifyBy, c.decisionNote, c.decidedAt, c.decidedBy);
        }
    }

    @Schema(name = "DisqualificationEntry", description = "取消资格清单中的一家基地：当前符合的规则及其预警")
    record EntryView(
            @Schema(description = "基地编号", required = true) long baseId,
            @Schema(description = "基地名称", required = true) String baseName,
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "备案日期（重庆时间）") LocalDate certifiedOn,
            @Schema(description = "当前符合的规则", required = true) List<HitView> hits,
            @Schema(description = "该基地的预警，最新的在前", required = true) List<CaseView> cases) {

        static EntryView of(DisqualificationService.Entry e) {
            return new EntryView(e.baseId(), e.baseName(), e.regionCode(), e.certifiedOn(),
                    e.hits().stream().map(HitView::of).toList(), e.cases().stream().map(CaseView::of).toList());
        }
    }

    @Schema(name = "DisqualificationEntryPage", description = "取消资格清单分页")
    record EntryPage(@Schema(description = "本页基地", required = true) List<EntryView> items,
                     @Schema(description = "总条数", required = true) long total,
                     @Schema(description = "页码，从 0 开始", required = true) int page,
                     @Schema(description = "每页条数", required = true) int size) {
        static EntryPage of(DisqualificationService.Page<DisqualificationService.Entry> p) {
            return new EntryPage(p.items().stream().map(EntryView::of).toList(), p.total(), p.page(), p.size());
        }
    }

    @Schema(name = "DisqualificationCasePage", description = "预警分页")
    record CasePage(@Schema(description = "本页预警", required = true) List<CaseView> items,
                    @Schema(description = "总条数", required = true) long total,
                    @Schema(description = "页码，从 0 开始", required = true) int page,
                    @Schema(description = "每页条数", required = true) int size) {
        static CasePage of(DisqualificationService.Page<DisqualificationCase> p) {
            return new CasePage(p.items().stream().map(CaseView::of).toList(), p.total(), p.page(), p.size());
        }
    }

    @Schema(name = "WarningBody", description = "按一条规则预警基地")
    record WarnBody(@Schema(description = "基地编号", required = true) @NotNull(message = "请选择基地") Long baseId,
                    @Schema(description = "规则代码", required = true) @NotNull(message = "请选择规则") RuleCode rule) {
    }

    @Schema(name = "DecisionBody", description = "处理预警：RECTIFY 限期整改（须填整改期限和整改要求），REVOKE 取消资格（须填理由），DISMISS 销案（须填理由）")
    record DecisionBody(
            @Schema(description = "处理结果", required = true) @NotNull(message = "请选择处理结果") Decision decision,
            @Schema(description = "整改期限（RECTIFY，不早于今天）") LocalDate rectifyBy,
            @Schema(description = "整改要求或理由，不超过 500 字", required = true)
            @NotBlank(message = "请填写整改要求或理由") @Size(max = 500, message = "说明不能超过 500 个字符") String note) {
    }

    @Schema(name = "Complaint", description = "针对见习基地的投诉记录")
    record ComplaintView(
            @Schema(description = "编号", required = true) long id,
            @Schema(description = "基地编号", required = true) long baseId,
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "受理日期", required = true) LocalDate receivedOn,
            @Schema(description = "投诉摘要", required = true) String summary,
            @Schema(description = "是否严重", required = true) boolean serious,
            @Schema(description = "核实结果：PENDING 待核实，UPHELD 查实，DISMISSED 不成立", required = true) ComplaintOutcome outcome,
            @Schema(description = "核实结果名称", required = true) String outcomeLabel,
            @Schema(description = "核实说明") String outcomeNote,
            @Schema(description = "登记人", required = true) String recordedBy,
            @Schema(description = "登记时间", required = true) OffsetDateTime recordedAt) {
        static ComplaintView of(BaseComplaint c) {
            return new ComplaintView(c.id, c.baseId, c.regionCode, c.receivedOn, c.summary, c.serious, c.outcome,
                    c.outcome.label(), c.outcomeNote, c.recordedBy, c.recordedAt);
        }
    }

    @Schema(name = "ComplaintPage", description = "投诉记录分页")
    record ComplaintPage(@Schema(description = "本页记录", required = true) List<ComplaintView> items,
                         @Schema(description = "总条数", required = true) long total,
                         @Schema(description = "页码，从 0 开始", required = true) int page,
                         @Schema(description = "每页条数", required = true) int size) {
        static ComplaintPage of(DisqualificationService.Page<BaseComplaint> p) {
            return new ComplaintPage(p.items().stream().map(ComplaintView::of).toList(), p.total(), p.page(), p.size());
        }
    }

    @Schema(name = "ComplaintBody", description = "登记投诉")
    record ComplaintBody(
            @Schema(description = "基地编号", required = true) @NotNull(message = "请选择被投诉的基地") Long baseId,
            @Schema(description = "受理日期，不晚于今天", required = true) @NotNull(message = "请填写受理日期") LocalDate receivedOn,
            @Schema(description = "投诉摘要，不超过 500 字", required = true)
            @NotBlank(message = "请填写投诉摘要") @Size(max = 500, message = "投诉摘要不能超过 500 个字符") String summary,
            @Schema(description = "是否严重", required = true) @NotNull(message = "请说明是否严重") Boolean serious,
            @Schema(description = "核实结果", required = true) @NotNull(message = "请选择核实结果") ComplaintOutcome outcome,
            @Schema(description = "核实说明（查实或不成立时必填），不超过 500 字")
            @Size(max = 500, message = "核实说明不能超过 500 个字符") String outcomeNote) {
    }

    @Schema(name = "ComplaintOutcomeBody", description = "记录核实结果")
    record OutcomeBody(
            @Schema(description = "核实结果", required = true) @NotNull(message = "请选择核实结果") ComplaintOutcome outcome,
            @Schema(description = "核实说明（查实或不成立时必填），不超过 500 字")
            @Size(max = 500, message = "核实说明不能超过 500 个字符") String outcomeNote) {
    }

    @Schema(name = "TypicalPerson", description = "报送的典型人物")
    record TypicalPersonView(
            @Schema(description = "编号", required = true) long id,
            @Schema(description = "见习记录编号", required = true) long internshipId,
            @Schema(description = "见习人员姓名（脱敏）") String internName,
            @Schema(description = "见习基地") String baseName,
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "标题", required = true) String title,
            @Schema(description = "事迹", required = true) String story,
            @Schema(description = "本人同意日期", required = true) LocalDate consentOn,
            @Schema(description = "取得同意的方式：WRITTEN 书面，ONLINE 线上", required = true) ConsentMethod consentMethod,
            @Schema(description = "状态：SUBMITTED 待审核，APPROVED 已通过，RETURNED 已退回", required = true) TypicalPersonStatus status,
            @Schema(description = "状态名称", required = true) String statusLabel,
            @Schema(description = "计入的年度（最近一次报送的年份）", required = true) int year,
            @Schema(description = "报送时间", required = true) OffsetDateTime submittedAt,
            @Schema(description = "报送人", required = true) String submittedBy,
            @Schema(description = "审核时间") OffsetDateTime decidedAt,
            @Schema(description = "审核人") String decidedBy,
            @Schema(description = "退回理由") String returnReason) {

        static TypicalPersonView of(TypicalPersonService.Shown s) {
            var p = s.person();
            var subject = s.subject();
            return new TypicalPersonView(p.id, p.internshipId, subject == null ? null : subject.maskedName(),
                    subject == null ? null : subject.baseName(), p.regionCode, p.title, p.story, p.consentOn, p.consentMethod,
                    p.status, p.status.label(), p.year, p.submittedAt, p.submittedBy, p.decidedAt, p.decidedBy, p.returnReason);
        }
    }

    @Schema(name = "TypicalPersonPage", description = "典型人物分页")
    record TypicalPersonPage(@Schema(description = "本页记录", required = true) List<TypicalPersonView> items,
                             @Schema(description = "总条数", required = true) long total,
                             @Schema(description = "页码，从 0 开始", required = true) int page,
                             @Schema(description = "每页条数", required = true) int size) {
        static TypicalPersonPage of(DisqualificationService.Page<TypicalPersonService.Shown> p) {
            return new TypicalPersonPage(p.items().stream().map(TypicalPersonView::of).toList(), p.total(), p.page(), p.size());
        }
    }

    @Schema(name = "TypicalPersonBody", description = "报送（或修改后重新报送）典型人物；须已取得本人同意")
    record TypicalPersonBody(
            @Schema(description = "本区县的见习记录编号", required = true) @NotNull(message = "请选择见习记录") Long internshipId,
            @Schema(description = "标题，不超过 100 字", required = true)
            @NotBlank(message = "请填写标题") @Size(max = 100, message = "标题不能超过 100 个字符") String title,
            @Schema(description = "事迹，不超过 2000 字", required = true)
            @NotBlank(message = "请填写事迹") @Size(max = 2000, message = "事迹不能超过 2000 个字符") String story,
            @Schema(description = "本人同意日期，不晚于今天", required = true) @NotNull(message = "须先取得本人同意并填写同意日期") LocalDate consentOn,
            @Schema(description = "取得同意的方式", required = true) @NotNull(message = "请选择取得同意的方式") ConsentMethod consentMethod) {
    }

    @Schema(name = "TypicalPersonReturnBody", description = "退回典型人物")
    record ReturnBody(@Schema(description = "退回理由，不超过 500 字", required = true)
                      @NotBlank(message = "请填写退回理由") @Size(max = 500, message = "退回理由不能超过 500 个字符") String reason) {
    }
}
