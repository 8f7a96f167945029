package cq.jianxi.youth.rest;

import jakarta.validation.constraints.Min;

import jakarta.validation.constraints.Max;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.CallerProvider;
import cq.jianxi.youth.rest.YouthViews.HardshipBody;
import cq.jianxi.youth.rest.YouthViews.ProfileBody;
import cq.jianxi.common.ratelimit.Limit;
import cq.jianxi.common.ratelimit.RateLimited;
import cq.jianxi.common.ratelimit.RateLimits;
import cq.jianxi.youth.rest.YouthViews.RegistrationBody;
import cq.jianxi.youth.rest.YouthViews.RegistrationReceipt;
import cq.jianxi.youth.service.YouthRegistration;
import cq.jianxi.youth.rest.YouthViews.YouthPageView;
import cq.jianxi.youth.rest.YouthViews.YouthView;
import cq.jianxi.youth.service.YouthProfile;
import cq.jianxi.youth.service.YouthRegistrySearch;
import cq.jianxi.youth.service.YouthService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The real-name registry of young people (实名制管理). */
@Path("/api/youth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "青年实名登记")
public class YouthResource {

    @Inject
    YouthService youth;

    @Inject
    YouthRegistrySearch registry;

    @Inject
    YouthRegistration registration;

    @Inject
    CallerProvider callers;

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @RateLimited(Limit.REGISTRATION_ADDRESS)
    @ResponseStatus(202)
    @Operation(summary = "Register a young person",
            description = "青年在手机端实名注册。先调用 /api/auth/verification-codes 向本人手机号发送验证码，再提交登记信息、账户和验证码。"
                    + "校验身份证号（校验位、出生日期、行政区划代码、年满 16 周岁）等字段（400，指明字段）；验证码错误或失效时 400（字段 verificationCode）。"
                    + "验证通过后回答总是 202 且内容相同，不说明身份证号或用户名是否已存在；结果以短信发往该手机号：注册成功（可登录）、"
                    + "教育部门共享名单中已有本人记录且登记手机号与本号码一致时直接认领、手机号或姓名不一致时提交区县人社部门核实、身份证号已注册、用户名已被使用。"
                    + "带 campaign（团市委动员活动的分享链接）时，开立了账户的注册（新注册或验证通过的认领）计入进行中的该活动；未知或不在活动期内的代码被忽略。"
                    + "每个地址每小时最多 10 次（429）。")
    @APIResponse(responseCode = "202", description = "已受理，结果见短信", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RegistrationReceipt.class)))
    @APIResponse(responseCode = "400", description = "字段不合法或验证码错误")
    @APIResponse(responseCode = "429", description = RateLimits.TOO_MANY)
    public Uni<RegistrationReceipt> registerYouth(@jakarta.validation.Valid RegistrationBody body) {
        if (body == null || body.profile() == null) {
            throw ApiProblem.invalidField("profile", "请填写登记信息");
        }
        return registration.register(profile(body.profile()), body.username(), body.password(), body.verificationCode(),
                        body.consentVersion(), body.campaign(), callers.clientIp())
                .replaceWith(new RegistrationReceipt("注册申请已提交，结果将以短信通知您；注册成功后即可登录"));
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "My registration", description = "青年本人的登记信息（本人可见完整身份证号和手机号）。")
    public Uni<YouthView> getMyRecord() {
        return youth.me(callers.current()).map(YouthView::of);
    }

    @PUT
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Update my registration", description = "青年修改本人登记信息（身份证号不可修改）。")
    public Uni<YouthView> updateMyRecord(ProfileBody body) {
        if (body == null) {
            throw ApiProblem.invalidField("body", "请求体不能为空");
        }
        return youth.updateMe(callers.current(), profile(body)).map(YouthView::of);
    }

    @GET
    @Authenticated
    @Operation(summary = "Search the registry",
            description = "工作人员查询实名登记（结果脱敏）。区县管理员只看居住地或意向区县为本区县的人员。category 为今天的见习对象类别：UNEMPLOYED_GRADUATE（离校2年内未就业高校毕业生）、UNEMPLOYED_YOUTH（16–24岁失业青年，不含前一类）或 NOT_ELIGIBLE（不符合见习补贴对象条件），与记录的 category 字段一致。")
    @cq.jianxi.common.ratelimit.RateLimited(cq.jianxi.common.ratelimit.Limit.SEARCH)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "429", description = cq.jianxi.common.ratelimit.RateLimits.TOO_MANY)
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "一页登记记录")
    public Uni<YouthPageView> searchYouth(
            @Parameter(description = "姓名关键字") @QueryParam("keyword") String keyword,
            @Parameter(description = "居住地区县代码") @QueryParam("regionCode") String regionCode,
            @Parameter(description = "人员类别", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {"UNEMPLOYED_GRADUATE", "UNEMPLOYED_YOUTH", "NOT_ELIGIBLE"})) @QueryParam("category") String category,
            @Parameter(description = "是否有见习意愿") @QueryParam("intention") Boolean intention,
            @Parameter(description = "页码，从 0 开始") @Min(value = 0, message = "页码不能为负数") @Max(value = 1_000_000, message = "页码过大") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "每页条数，1–200") @Min(value = 1, message = "每页条数须在 1 到 200 之间") @Max(value = 200, message = "每页条数须在 1 到 200 之间") @QueryParam("size") @DefaultValue("20") int size) {
        return registry.search(callers.current(), keyword, regionCode, category, intention, page, size)
                .map(p -> new YouthPageView(p.items().stream().map(YouthView::of).toList(), p.total(), p.page(), p.size()));
    }

    @GET
    @Path("/statistics")
    @Authenticated
    @Operation(summary = "Registry statistics",
            description = "实名登记统计：总人数、离校2年内未就业高校毕业生、有见习意愿、有培训意愿、其中有见习意愿的未就业毕业生、来自教育部门共享名单的人数。区县管理员为本区县。")
    public Uni<YouthViews.StatisticsView> getYouthStatistics() {
        return registry.statistics(callers.current()).map(s -> new YouthViews.StatisticsView(s.total(), s.unemployedGraduates(),
                s.internshipIntention(), s.trainingIntention(), s.unemployedGraduatesWithIntention(), s.fromRoster()));
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Get a registry record",
            description = "查看一条登记记录，默认脱敏；市人社局或本区县管理员以 reveal=true 查看完整身份证号和手机号，每次查看记入审计日志。青年只能查看本人；见习基地只能查看向本基地岗位投递申请的人员。")
    public Uni<YouthView> getYouth(@PathParam("id") long id,
                                   @Parameter(description = "是否显示完整身份证号和手机号") @QueryParam("reveal") @DefaultValue("false") boolean reveal) {
        return youth.get(callers.current(), id, reveal).map(YouthView::of);
    }

    @PUT
    @Path("/{id}/hardship")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(summary = "Set hardship flags", description = "区县（本区县）或市人社局管理员设置困难毕业生类别。")
    public Uni<YouthView> setHardship(@PathParam("id") long id, HardshipBody body) {
        return youth.setHardship(callers.current(), id, body == null ? null : body.hardship()).map(YouthView::of);
    }

    static YouthProfile profile(ProfileBody b) {
        return new YouthProfile(b.name(), b.idNumber(), b.phone(), b.regionCode(), b.education(), b.school(), b.major(),
                b.graduationDate(), b.currentStatus(), b.internshipIntention(), b.trainingIntention(),
                b.preferredRegions(), b.preferredCategories());
    }
}
