package cq.jianxi.internship.service;

import cq.jianxi.internship.domain.Internship;
import cq.jianxi.internship.domain.InternshipState;
import cq.jianxi.notification.domain.NotificationKind;
import cq.jianxi.notification.service.NotificationService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.YearMonth;

/** What the intern is told of their internship's changes, inside the change's transaction. */
@ApplicationScoped
public class InternshipNotices {

    private static final String LINK = "/youth/internship";

    @Inject
    NotificationService notifications;

    /** The agreement is signed (and, when the arrival came with it, the intern is on post). */
    Uni<Void> signed(Internship i) {
        Uni<Void> signed = notifications.toYouth(i.youthId, NotificationKind.AGREEMENT_SIGNED, "见习协议已签订",
                "见习协议已签订：" + i.startDate + " 至 " + i.plannedEnd + "，月基本生活费 " + i.monthlyAllowance.toPlainString()
                        + " 元。请在“我的见习”中查看并确认协议。", LINK);
        return i.state == InternshipState.ON_POST ? signed.flatMap(v -> arrived(i)) : signed;
    }

    Uni<Void> arrived(Internship i) {
        return notifications.toYouth(i.youthId, NotificationKind.ARRIVAL_RECORDED, "见习到岗已登记",
                "你已于 " + i.arrivedOn + " 到岗，见习期至 " + i.plannedEnd + "。每月结束后请确认在岗情况。", LINK);
    }

    Uni<Void> noShow(Internship i) {
        return notifications.toYouth(i.youthId, NotificationKind.INTERNSHIP_NO_SHOW, "见习协议已取消",
                "因未到岗，见习协议已取消：" + i.endReason, LINK);
    }

    /** The base confirmed a month; the intern's own confirmation is now due (told once per month). */
    Uni<Void> confirmationDue(Internship i, YearMonth month) {
        return notifications.toYouthOnce("confirmation-due:" + i.id + ":" + month, i.youthId, NotificationKind.CONFIRMATION_DUE,
                "请确认 " + month + " 的在岗情况",
                "见习基地已确认你 " + month + " 的在岗情况，请在“我的见习”中确认；未在岗请标记说明。确认后基地方可申领该月补贴。",
                LINK).replaceWithVoid();
    }
}
