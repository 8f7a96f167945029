package cq.jianxi.evaluation.rest;

import cq.jianxi.evaluation.domain.AwardStage;
import cq.jianxi.evaluation.domain.CriterionKind;
import cq.jianxi.evaluation.domain.EligibilityRule;
import cq.jianxi.evaluation.domain.Metric;
import cq.jianxi.evaluation.domain.Ranking;
import cq.jianxi.evaluation.domain.Scheme;
import cq.jianxi.evaluation.domain.ScoreSheet;
import cq.jianxi.evaluation.repository.EvaluationStore.AwardRow;
import cq.jianxi.evaluation.service.DemonstrationQueries;
import cq.jianxi.evaluation.service.EvaluationSheets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The evaluation's request and response bodies. */
public final class EvaluationViews {

    private EvaluationViews() {
    }

    @Schema(name = "EvaluationCriterion", description = "评估指标")
    public record CriterionView(
            @Schema(description = "指标代码（大写字母、数字、下划线）", required = true, pattern = "^[A-Z][A-Z0-9_]{1,31}$")
            @NotBlank(message = "请填写指标代码") @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}", message = "指标代码须为 2–32 位大写字母、数字或下划线") String code,
            @Schema(description = "指标名称", required = true, maxLength = 50) @NotBlank(message = "请填写指标名称") @Size(max = 50, message = "指标名称不能超过 50 个字符") String name,
            @Schema(description = "COMPUTED 按记录计算，MANUAL 区县人工评分", required = true) @NotNull(message = "请选择指标类型") CriterionKind kind,
            @Schema(description = "计算口径（仅 COMPUTED；见 docs/notice.md 基地年度评估）", nullable = true) Metric metric,
            @Schema(description = "权重（分），各指标之和为 100", required = true, minimum = "0.01", maximum = "100")
            @NotNull(message = "请填写权重") @DecimalMin(value = "0.01", message = "权重须大于 0") @DecimalMax(value = "100", message = "权重不能超过 100") BigDecimal weight,
            @Schema(description = "满分值（比率为 0–1 的小数，满意度为 1–5 分；仅 COMPUTED）", nullable = true) BigDecimal fullAt,
            @Schema(description = "零分值（仅 COMPUTED）；满分值小于零分值表示越低越好", nullable = true) BigDecimal zeroAt) {

        static CriterionView of(Scheme.Criterion c) {
            return new CriterionView(c.code(), c.name(), c.kind(), c.metric(), c.weight(), c.fullAt(), c.zeroAt());
        }

        Scheme.Criterion toDomain() {
            return new Scheme.Criterion(code.trim(), name.trim(), kind, metric, weight, fullAt, zeroAt);
        }
    }

    @Schema(name = "EvaluationEligibilityRule", description = "推荐参评国家级的资格条件")
    public record ThresholdView(
            @Schema(description = "条件", required = true) @NotNull(message = "请选择资格条件") EligibilityRule rule,
            @Schema(description = "条件名称", readOnly = true) String label,
            @Schema(description = "阈值：年数、人数或 0–1 的比率", required = true, minimum = "0")
            @NotNull(message = "请填写阈值") @DecimalMin(value = "0", message = "阈值不能为负数") BigDecimal threshold) {
    }

    @Schema(name = "EvaluationScheme", description = "年度评估方案")
    public record SchemeView(
            @Schema(description = "评估年度", required = true) int year,
            @Schema(description = "指标", required = true) List<CriterionView> criteria,
            @Schema(description = "推荐参评国家级的资格条件", required = true) List<ThresholdView> eligibility) {

        static SchemeView of(Scheme s) {
            return new SchemeView(s.year(), s.criteria().stream().map(CriterionView::of).toList(),
                    s.eligibility().stream().map(t -> new ThresholdView(t.rule(), t.rule().label(), t.threshold())).toList());
        }
    }

    @Schema(name = "EvaluationSchemeRequest", description = "保存年度评估方案（整份替换）")
    public record SchemeRequest(
            @Schema(description = "指标，1–30 项，权重之和为 100", required = true)
            @NotNull(message = "请填写指标") @Size(min = 1, max = 30, message = "指标须为 1–30 项") List<@Valid @NotNull CriterionView> criteria,
            @Schema(description = "资格条件（可为空列表）", required = true)
            @NotNull(message = "请填写资格条件") @Size(max = 10, message = "资格条件最多 10 项") List<@Valid @NotNull ThresholdView> eligibility) {

        Scheme toDomain(int year) {
            return new Scheme(year, criteria.stream().map(CriterionView::toDomain).toList(),
                    eligibility.stream().map(t -> new Scheme.Threshold(t.rule(), t.threshold())).toList());
        }
    }

    @Schema(name = "ScoreLine", description = "评分表中的一项指标")
    public record LineView(
            @Schema(description = "指标代码", required = true) String code,
            @Schema(description = "指标名称", required = true) String name,
            @Schema(description = "COMPUTED 按记录计算，MANUAL 人工评分", required = true) CriterionKind kind,
            @Schema(description = "计算口径", nullable = true) Metric metric,
            @Schema(description = "分子名称", nullable = true) String numeratorLabel,
            @Schema(description = "分母名称", nullable = true) String denominatorLabel,
            @Schema(description = "权重", required = true) BigDecimal weight,
            @Schema(description = "分子（计算指标）", nullable = true) Long numerator,
            @Schema(description = "分母（计算指标；满意度为空）", nullable = true) Long denominator,
            @Schema(description = "计算值：比率或平均分；无可计数记录为空", nullable = true) Double input,
            @Schema(description = "满分值", nullable = true) BigDecimal fullAt,
            @Schema(description = "零分值", nullable = true) BigDecimal zeroAt,
            @Schema(description = "人工评分（占权重的百分比）；未评分为空", nullable = true) BigDecimal percent,
            @Schema(description = "评分说明", nullable = true) String note,
            @Schema(description = "评分人", nullable = true) String scoredBy,
            @Schema(description = "得分", required = true) BigDecimal points,
            @Schema(description = "得分说明", required = true) String explanation) {

        static LineView of(ScoreSheet.Line l) {
            return new LineView(l.code(), l.name(), l.kind(), l.metric(),
                    l.metric() == null ? null : l.metric().numeratorLabel(), l.metric() == null ? null : l.metric().denominatorLabel(),
                    l.weight(), l.numerator(), l.denominator(), l.input(), l.fullAt(), l.zeroAt(), l.percent(), l.note(),
                    l.scoredBy(), l.points(), l.explanation());
        }
    }

    @Schema(name = "EligibilityCheck", description = "一项资格条件的判断")
    public record CheckView(
            @Schema(description = "资格条件", required = true) EligibilityRule rule,
            @Schema(description = "名称", required = true) String label,
            @Schema(description = "阈值", required = true) BigDecimal threshold,
            @Schema(description = "实际值；无记录为空", nullable = true) Double actual,
            @Schema(description = "是否符合", required = true) boolean passed,
            @Schema(description = "说明", required = true) String explanation) {
    }

    @Schema(name = "ScoreSheet", description = "基地年度评分表：每项指标的计算数据、得分与权重，总分与区县内排名")
    public record SheetView(
            @Schema(description = "基地编号", required = true) long baseId,
            @Schema(description = "基地名称", required = true) String baseName,
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "评估年度", required = true) int year,
            @Schema(description = "总分（0–100）", required = true) BigDecimal total,
            @Schema(description = "区县内名次", required = true) int rank,
            @Schema(description = "区县参评基地数", required = true) int of,
            @Schema(description = "是否在拟定的前 5% 之内", required = true) boolean proposed,
            @Schema(description = "区县已完成评估、评分表已冻结", required = true) boolean frozen,
            @Schema(description = "冻结时间", nullable = true) OffsetDateTime frozenAt,
            @Schema(description = "人工评分指标是否已全部评分", required = true) boolean manualComplete,
            @Schema(description = "是否符合推荐参评国家级的全部条件", required = true) boolean eligible,
            @Schema(description = "各项指标", required = true) List<LineView> lines,
            @Schema(description = "资格条件的判断", required = true) List<CheckView> eligibility) {

        static SheetView of(Ranking.Ranked r, int of, OffsetDateTime frozenAt) {
            ScoreSheet s = r.sheet();
            return new SheetView(s.baseId(), s.baseName(), s.regionCode(), s.year(), s.total(), r.rank(), of, r.proposed(),
                    frozenAt != null, frozenAt, s.manualComplete(), s.eligible(), s.lines().stream().map(LineView::of).toList(),
                    s.eligibility().stream().map(c -> new CheckView(c.rule(), c.rule().label(), c.threshold(), c.actual(),
                            c.passed(), c.explanation())).toList());
        }
    }

    @Schema(name = "EvaluationRow", description = "区县评分表中的一家基地")
    public record RowView(
            @Schema(description = "基地编号", required = true) long baseId,
            @Schema(description = "基地名称", required = true) String baseName,
            @Schema(description = "总条数", required = true) BigDecimal total,
            @Schema(description = "区县内名次", required = true) int rank,
            @Schema(description = "拟定区级示范基地数", required = true) boolean proposed,
            @Schema(description = "是否符合推荐参评国家级的条件", required = true) boolean eligible,
            @Schema(description = "人工评分指标是否已全部评分", required = true) boolean manualComplete,
            @Schema(description = "留用率（并列时先比）", nullable = true) Double retentionRate,
            @Schema(description = "到岗人数（其次比）", required = true) long arrivals,
            @Schema(description = "备案时间（再次比，早者在前）", nullable = true) OffsetDateTime certifiedAt) {
    }

    @Schema(name = "EvaluationTable", description = "区县年度评分表（按名次分页）")
    public record TableView(
            @Schema(description = "评估年度", required = true) int year,
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "是否已完成评估（冻结）", required = true) boolean closed,
            @Schema(description = "完成评估时间", nullable = true) OffsetDateTime closedAt,
            @Schema(description = "完成评估的账户", nullable = true) String closedBy,
            @Schema(description = "拟定区级示范基地数", required = true) int proposedCount,
            @Schema(description = "前 5% 的取整规则及本区县的计算", required = true) String rule,
            @Schema(description = "排名规则（并列时依次比较）", required = true) String tieBreak,
            @Schema(description = "人工评分未完成的基地数", required = true) long unscored,
            @Schema(description = "本页条目", required = true) List<RowView> items,
            @Schema(description = "参评基地总数", required = true) long total,
            @Schema(description = "页码（从 0 开始）", required = true) int page,
            @Schema(description = "每页条数", required = true) int size) {

        static TableView of(EvaluationSheets.TablePage p) {
            var round = p.region().round();
            int n = p.region().ranked().size();
            return new TableView(p.region().year(), p.region().regionCode(), round != null,
                    round == null ? null : round.closedAt(), round == null ? null : round.closedBy(),
                    p.region().proposedCount(), Ranking.rule(n), TIE_BREAK, p.unscored(),
                    p.items().stream().map(r -> new RowView(r.sheet().baseId(), r.sheet().baseName(), r.sheet().total(), r.rank(),
                            r.proposed(), r.sheet().eligible(), r.sheet().manualComplete(), r.sheet().tieBreak().retentionRate(),
                            r.sheet().tieBreak().arrivals(), r.sheet().tieBreak().certifiedAt())).toList(),
                    p.total(), p.page(), p.size());
        }
    }

    static final String TIE_BREAK = "总分高者在前；并列时依次比较留用率（高者在前，无记录在后）、到岗人数（多者在前）、备案时间（早者在前）、基地编号（小者在前）";

    @Schema(name = "ManualScoreRequest", description = "人工评分")
    public record ManualScoreRequest(
            @Schema(description = "得分占该指标权重的百分比（0–100）", required = true, minimum = "0", maximum = "100")
            @NotNull(message = "请填写评分") @DecimalMin(value = "0", message = "评分不能小于 0") @DecimalMax(value = "100", message = "评分不能超过 100") BigDecimal percent,
            @Schema(description = "评分说明（依据）", required = true, maxLength = 500)
            @NotBlank(message = "请填写评分说明") @Size(max = 500, message = "评分说明不能超过 500 个字符") String note) {
    }

    @Schema(name = "CommitmentRequest", description = "本年承诺提供的见习岗位数")
    public record CommitmentRequest(
            @Schema(description = "岗位数（1–100000）", required = true, minimum = "1", maximum = "100000")
            @NotNull(message = "请填写承诺岗位数") @Min(value = 1, message = "承诺岗位数至少为 1") @Max(value = 100000, message = "承诺岗位数不能超过 100000") Integer positions) {
    }

    @Schema(name = "DistrictReplacement", description = "以另一家参评基地替换拟定名单中的一家")
    public record ReplacementView(
            @Schema(description = "被替换的拟定基地", required = true) @NotNull(message = "请选择被替换的基地") Long baseId,
            @Schema(description = "替换为的基地", required = true) @NotNull(message = "请选择替换的基地") Long byBaseId,
            @Schema(description = "替换理由", required = true, maxLength = 500) @NotBlank(message = "请填写替换理由") @Size(max = 500, message = "替换理由不能超过 500 个字符") String reason) {
    }

    @Schema(name = "DistrictConfirmation", description = "确认区级示范见习基地")
    public record ConfirmRequest(
            @Schema(description = "替换（可为空列表）", required = true)
            @NotNull(message = "请填写替换列表（可为空）") @Size(max = 50, message = "替换最多 50 项") List<@Valid @NotNull ReplacementView> replacements) {
    }

    @Schema(name = "DemonstrationStep", description = "评选的下一步：CITY_NOMINATED 区县推荐参评市级；CITY 市级示范；NATIONAL_RECOMMENDED 推荐参评国家级；NATIONAL 记录国家级评选结果")
    public record AdvanceRequest(
            @Schema(description = "基地编号", required = true) @NotNull(message = "请选择基地") Long baseId,
            @Schema(description = "评选步骤", required = true) @NotNull(message = "请选择评选步骤") AwardStage stage) {
    }

    @Schema(name = "DemonstrationAward", description = "一家基地在一个评选步骤的结果")
    public record AwardView(
            @Schema(description = "评估年度", required = true) int year,
            @Schema(description = "基地编号", required = true) long baseId,
            @Schema(description = "基地名称", required = true) String baseName,
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "评选步骤", required = true) AwardStage stage,
            @Schema(description = "评选步骤（中文）", required = true) String stageLabel,
            @Schema(description = "替换了拟定名单中的哪家基地", nullable = true) Long replacesBaseId,
            @Schema(description = "替换理由", nullable = true) String reason,
            @Schema(description = "决定人", required = true) String decidedBy,
            @Schema(description = "决定时间", required = true) OffsetDateTime decidedAt,
            @Schema(description = "年度总分", required = true) BigDecimal total,
            @Schema(description = "区县内名次", required = true) int rank,
            @Schema(description = "是否符合推荐参评国家级的条件", required = true) boolean eligible) {

        static AwardView of(AwardRow r) {
            var a = r.award();
            return new AwardView(a.year(), a.baseId(), r.baseName(), a.regionCode(), a.stage(), a.stage().label(),
                    a.replacesBaseId(), a.reason(), a.decidedBy(), a.decidedAt(), r.total(), r.rank(), r.eligible());
        }
    }

    @Schema(name = "DemonstrationAwardPage", description = "评选结果（分页）")
    public record AwardPageView(@Schema(description = "本页条目", required = true) List<AwardView> items, @Schema(description = "总条数", required = true) long total,
                                @Schema(description = "页码（从 0 开始）", required = true) int page, @Schema(description = "每页条数", required = true) int size) {
    }

    @Schema(name = "EvaluationProgress", description = "一个区县的年度评估与评选进度")
    public record ProgressView(
            @Schema(description = "区县代码", required = true) String regionCode,
            @Schema(description = "区县名称", required = true) String regionName,
            @Schema(description = "是否已完成评估", required = true) boolean closed,
            @Schema(description = "参评基地数", required = true) int bases,
            @Schema(description = "拟定区级示范基地数", required = true) int proposed,
            @Schema(description = "区级示范见习基地数", required = true) long district,
            @Schema(description = "推荐参评市级的基地数", required = true) long cityNominated,
            @Schema(description = "市级示范见习基地数", required = true) long city,
            @Schema(description = "推荐参评国家级的基地数", required = true) long nationalRecommended,
            @Schema(description = "国家级示范单位数", required = true) long national,
            @Schema(description = "推荐参评国家级名额（附件2）；未导入计划为空", nullable = true) Integer nationalQuota) {

        static ProgressView of(DemonstrationQueries.Progress p) {
            var s = p.progress().stages();
            return new ProgressView(p.region().code, p.region().shortName, p.progress().closed(), p.progress().bases(),
                    p.progress().proposed(), s.getOrDefault(AwardStage.DISTRICT, 0L), s.getOrDefault(AwardStage.CITY_NOMINATED, 0L),
                    s.getOrDefault(AwardStage.CITY, 0L), s.getOrDefault(AwardStage.NATIONAL_RECOMMENDED, 0L),
                    s.getOrDefault(AwardStage.NATIONAL, 0L), p.nationalQuota());
        }
    }

    @Schema(name = "EvaluationProgressPage", description = "各区县评估进度（分页）")
    public record ProgressPageView(@Schema(description = "本页条目", required = true) List<ProgressView> items, @Schema(description = "总条数", required = true) long total,
                                   @Schema(description = "页码（从 0 开始）", required = true) int page, @Schema(description = "每页条数", required = true) int size) {
    }
}
