package cq.jianxi.privacy.service;

import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.privacy.PersonalDataEraser;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.identity.service.AccountClosure;
import cq.jianxi.privacy.domain.DeletionRequest;
import cq.jianxi.privacy.domain.DeletionStatus;
import cq.jianxi.privacy.readmodel.PersonalDataReadModel;
import cq.jianxi.privacy.repository.DeletionRequestRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Requests to delete personal information (PIPL art. 47): a young person asks, staff of the district
 * they lived in when asking (or the city) complete or reject. Completion erases, through each owning
 * context, what the bureau need not keep, keeps what the subsidy audit needs, disables the account and
 * ends its sessions — all in one transaction.
 */
@ApplicationScoped
public class DeletionService {

    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    DeletionRequestRepository requests;
    @Inject
    PersonalDataReadModel readModel;
    @Inject
    Instance<PersonalDataEraser> erasers;
    @Inject
    AccountClosure accounts;
    @Inject
    AuditService audit;
    @Inject
    AppClock clock;
    @ConfigProperty(name = "jianxi.privacy.retained-record-years", defaultValue = "30")
    int retainedYears;

    /** What deletion erases and keeps, as shown to the young person before they ask. */
    public record Terms(List<String> erased, List<String> kept, String retention, int retainedYears) {
    }

    public Terms terms() {
        return new Terms(
                List.of("手机号", "毕业学校和专业", "见习和培训意愿、意向区县和岗位类别", "困难类别", "消息", "尚未举办活动的报名",
                        "进行中的见习申请（将被撤回）", "工作人员服务记录中的备注"),
                List.of("姓名", "身份证号码（及其包含的出生日期、性别）", "学历、毕业时间和居住区县（见习补贴对象资格的依据）",
                        "见习记录（协议、到岗、每月在岗确认、结束和去向）", "补贴申领和拨付记录", "已举办活动的报名（月度报表已统计）",
                        "审计日志"),
                "为满足就业见习补贴资金审计和财政检查的要求，保留的信息按照《会计档案管理办法》等规定的期限保存（补贴发放凭证为 "
                        + retainedYears + " 年），期满后删除；保存期间仅用于审计、检查和统计，不再用于其他用途。删除完成后账户将被停用，无法再登录。",
                retainedYears);
    }

    @WithTransaction
    public Uni<Handled> request(Caller caller, String reason) {
        caller.requireRole(Role.YOUTH);
        String text = reason == null || reason.isBlank() ? null : reason.trim();
        new Checks().check(text == null || text.length() <= 500, "reason", "原因不能超过 500 个字符").throwIfAny();
        return requests.pendingOf(caller.youthId()).flatMap(open -> {
            if (open != null) {
                throw ApiProblem.conflict("您已提交删除申请，正在等待区县人社局办理");
            }
            return readModel.subject(caller.youthId());
        }).flatMap(subject -> {
            if (subject == null) {
                throw ApiProblem.notFound("登记信息不存在");
            }
            DeletionRequest r = new DeletionRequest();
            r.youthId = caller.youthId();
            r.userId = caller.userId();
            r.regionCode = subject.regionCode();
            r.reason = text;
            r.requestedAt = clock.now();
            r.requestedIp = caller.ip();
            return requests.persist(r);
        }).call(r -> audit.record(caller, AuditAction.DELETION_REQUESTED, "youth", String.valueOf(r.youthId), text))
                .flatMap(this::handled);
    }

    @WithSession
    public Uni<Page> mine(Caller caller, int page, int size) {
        caller.requireRole(Role.YOUTH);
        new Checks().page(page, size, MAX_PAGE_SIZE).throwIfAny();
        return page(requests.ofYouth(caller.youthId()), page, size);
    }

    /** The requests staff handle: a district admin sees their district's, the city admin all (or one region's). */
    @WithSession
    public Uni<Page> list(Caller caller, String regionCode, String statusCode, int page, int size) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        Checks checks = new Checks().page(page, size, MAX_PAGE_SIZE);
        DeletionStatus status = blankToNull(statusCode) == null ? null
                : checks.enumValue("status", statusCode, DeletionStatus.class, "状态");
        checks.throwIfAny();
        String region = blankToNull(regionCode);
        if (caller.is(Role.DISTRICT_ADMIN)) {
            if (region != null) {
                caller.requireRegion(region);
            }
            region = caller.regionCode();
        }
        return page(requests.search(region, status), page, size);
    }

    @WithTransaction
    public Uni<Handled> complete(Caller caller, long id) {
        return decidable(caller, id).flatMap(r -> readModel.runningInternships(r.youthId).flatMap(running -> {
            if (running > 0) {
                throw ApiProblem.conflict("该人员的见习尚未结束，请先办理见习结束后再完成删除");
            }
            return eraseAll(r.youthId);
        }).flatMap(erased -> accounts.closeYouthAccount(r.youthId).map(sessions -> {
            erased.add("账户：已停用，结束 " + sessions + " 个登录会话");
            r.status = DeletionStatus.COMPLETED;
            r.erased = String.join("；", erased);
            decided(caller, r);
            return r;
        })).call(done -> audit.record(caller, AuditAction.DELETION_COMPLETED, "youth", String.valueOf(r.youthId),
                "申请 " + r.id + "：" + r.erased))).flatMap(this::handled);
    }

    @WithTransaction
    public Uni<Handled> reject(Caller caller, long id, String reason) {
        String text = reason == null ? null : reason.trim();
        new Checks().notBlank("reason", text, 500, "驳回原因").throwIfAny();
        return decidable(caller, id).map(r -> {
            r.status = DeletionStatus.REJECTED;
            r.rejectReason = text;
            decided(caller, r);
            return r;
        }).call(r -> audit.record(caller, AuditAction.DELETION_REJECTED, "youth", String.valueOf(r.youthId),
                "申请 " + r.id + "：" + text)).flatMap(this::handled);
    }

    /** A request as staff see it, with the person's name and masked ID number. */
    public record Handled(DeletionRequest request, PersonalDataReadModel.Subject subject) {
    }

    /** One page of requests with the people they concern. */
    public record Page(List<Handled> items, long total, int page, int size) {
    }

    /** The pending request, locked against a second decision, if the caller's scope covers its district. */
    private Uni<DeletionRequest> decidable(Caller caller, long id) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        return requests.findForUpdate(id).map(r -> {
            if (r == null) {
                throw ApiProblem.notFound("删除申请不存在");
            }
            caller.requireRegion(r.regionCode);
            if (r.status != DeletionStatus.PENDING) {
                throw ApiProblem.conflict("该申请已办理（" + r.status.label() + "）");
            }
            return r;
        });
    }

    private void decided(Caller caller, DeletionRequest r) {
        r.decidedAt = clock.now();
        r.decidedBy = caller.userId();
        r.decidedByUsername = caller.username();
    }

    /** Every context erases its part in turn, in a fixed order, within the completion's transaction. */
    private Uni<List<String>> eraseAll(long youthId) {
        List<PersonalDataEraser> all = erasers.stream().sorted(Comparator.comparing(e -> e.getClass().getName())).toList();
        List<String> notes = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PersonalDataEraser eraser : all) {
            chain = chain.flatMap(v -> eraser.erase(youthId).invoke(note -> {
                if (note != null) {
                    notes.add(note);
                }
            }).replaceWithVoid());
        }
        return chain.map(v -> notes);
    }

    private Uni<Page> page(io.quarkus.hibernate.reactive.panache.PanacheQuery<DeletionRequest> query, int page, int size) {
        return query.page(page, size).list().flatMap(items -> query.count().flatMap(total ->
                readModel.subjects(items.stream().map(r -> r.youthId).distinct().toList()).map(subjects -> new Page(
                        items.stream().map(r -> new Handled(r, subjects.get(r.youthId))).toList(), total, page, size))));
    }

    private Uni<Handled> handled(DeletionRequest r) {
        return readModel.subject(r.youthId).map(s -> new Handled(r, s));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
