package cq.jianxi.subsidy.service;

import cq.jianxi.internship.domain.Internship;
import cq.jianxi.notification.domain.NotificationKind;
import cq.jianxi.notification.service.NotificationService;
import cq.jianxi.subsidy.domain.SubsidyClaim;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * What a claim's changes tell whom, inside the change's transaction: the district a claim waits for it,
 * the base its decision and each payment, the intern that the month was paid.
 */
@ApplicationScoped
public class SubsidyNotices {

    @Inject
    NotificationService notifications;

    Uni<Void> claimed(SubsidyClaim c) {
        return notifications.toRegion(c.regionCode, NotificationKind.CLAIM_WAITING, "见习补贴申领待审核",
                "申领编号 " + c.id + "：" + month(c) + " 的见习补贴 " + c.requestedAmount.toPlainString() + " 元，请审核。",
                "/admin/subsidy-claims");
    }

    Uni<Void> approved(SubsidyClaim c) {
        return notifications.toBase(c.baseId, NotificationKind.CLAIM_APPROVED, "见习补贴申领已核定",
                "申领编号 " + c.id + "（" + month(c) + "）核定金额 " + c.approvedAmount.toPlainString() + " 元，待拨付。",
                "/base/subsidies");
    }

    Uni<Void> rejected(SubsidyClaim c) {
        return notifications.toBase(c.baseId, NotificationKind.CLAIM_REJECTED, "见习补贴申领已驳回",
                "申领编号 " + c.id + "（" + month(c) + "）被驳回：" + c.rejectReason, "/base/subsidies");
    }

    /** One payment: the base hears of each, the intern once the claim is paid in full. */
    Uni<Void> paid(SubsidyClaim c, BigDecimal amount, BigDecimal total) {
        boolean full = "PAID".equals(c.status);
        Uni<Void> base = notifications.toBase(c.baseId,
                full ? NotificationKind.CLAIM_PAID : NotificationKind.CLAIM_PAYMENT_RECORDED,
                full ? "见习补贴已全部拨付" : "见习补贴已拨付一笔",
                "申领编号 " + c.id + "（" + month(c) + "）本次拨付 " + amount.toPlainString() + " 元，累计 " + total.toPlainString()
                        + " 元 / 核定 " + c.approvedAmount.toPlainString() + " 元。", "/base/subsidies");
        if (!full) {
            return base;
        }
        return base.flatMap(v -> Internship.<Internship>findById(c.internshipId)).flatMap(i ->
                notifications.toYouth(i.youthId, NotificationKind.SUBSIDY_PAID, "见习补贴已拨付",
                        "你 " + month(c) + " 的见习补贴已拨付给见习基地。", "/youth/internship"));
    }

    private static YearMonth month(SubsidyClaim c) {
        return YearMonth.from(c.month);
    }
}
