package cq.jianxi.platform.demo;

import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.report.service.AnnualReportWorkflow;
import cq.jianxi.report.service.AnnualSubmissions;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;

/**
 * The demo's annual reports once December has come: 渝中区 submitted and the city accepted it, 渝北区 submitted
 * and waits for review; 万州区 (the demo district account) is left to submit its own. Written through the
 * workflow, so the figures are frozen as the records stand.
 */
@ApplicationScoped
public class DemoAnnualReports {

    @Inject
    AnnualReportWorkflow workflow;
    @Inject
    Pool pool;

    public void seedIfEmpty(LocalDate today) throws Throwable {
        int year = today.getYear();
        if (today.isBefore(AnnualReportWorkflow.opensOn(year))) {
            return;
        }
        long existing = VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery("select count(*) from annual_report where year = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(year)).map(rows -> rows.iterator().next().getLong(0)));
        long planned = VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery("select count(*) from plan_target where year = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(year)).map(rows -> rows.iterator().next().getLong(0)));
        if (existing > 0 || planned == 0) {
            return;
        }
        submit("500103", year, "渝中区");
        VertxContextSupport.subscribeAndAwait(() -> workflow.accept(Caller.system("演示数据"), year, "500103"));
        submit("500112", year, "渝北区");
    }

    private void submit(String region, int year, String name) throws Throwable {
        Caller district = new Caller("demo", null, "demo_" + region, "演示区县人社局", Role.DISTRICT_ADMIN, region, null, null,
                null, null, null);
        VertxContextSupport.subscribeAndAwait(() -> workflow.submit(district, year, region, new AnnualSubmissions.Narrative(
                name + "全年新增备案见习基地，募集见习岗位，按月开展供需对接和政策宣讲进校园、进园区活动，见习人员实名制管理全覆盖。",
                "部分基地留用率偏低；离校未就业毕业生参与见习的比例仍不高；补贴申领材料不规范的情况时有发生。",
                "扩大重点企业见习基地覆盖，按月倒排岗位募集进度，联合高校开展见习政策宣讲，规范补贴申领和拨付。")));
    }
}
