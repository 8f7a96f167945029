package cq.jianxi.youth.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Checks;
import cq.jianxi.common.validation.ResidentId;
import cq.jianxi.identity.service.AccountService;
import cq.jianxi.identity.service.RegistrationCodes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Public registration, in two steps the anonymous caller cannot learn from: the phone is proved with a
 * one-time code, then every well-formed, verified request gets the same answer, and what became of it
 * (registered, claimed, awaiting the district, ID already registered, username taken) goes by text
 * message to the phone just proved.
 */
@ApplicationScoped
public class YouthRegistration {

    static final String WRONG_CODE = "验证码错误或已失效，请重新获取";

    @Inject
    YouthProfiles profiles;
    @Inject
    AccountService accounts;
    @Inject
    RegistrationCodes codes;
    @Inject
    YouthRegistrationWrites writes;
    @Inject
    cq.jianxi.privacy.service.ConsentService consents;

    /**
     * Validates, checks the code (its own transaction, so wrong guesses count), then registers. {@code campaign} is the
     * share link's campaign code, or null; an unknown or expired one is ignored (see {@link CampaignSignups}).
     */
    public Uni<Void> register(YouthProfile profile, String username, String password, String code,
                              String consentVersion, String campaign, String ip) {
        String id = ResidentId.normalize(profile.idNumber());
        Checks checks = profiles.validate(profile, id);
        checks.notBlank("username", username, 64, "用户名");
        checks.check(code != null && code.trim().matches("\\d{6}"), "verificationCode", "请输入 6 位短信验证码");
        checks.throwIfAny();
        accounts.validate("username", username.trim(), "password", password);
        String phone = profile.phone().trim();
        return profiles.checkRegions(profile)
                // The separate consent (PIPL art. 29) to the text in force, checked before the code is spent.
                .flatMap(v -> consents.current())
                .invoke(text -> {
                    if (consentVersion == null || !text.version.equals(consentVersion.trim())) {
                        throw ApiProblem.invalidField("consentVersion", "请阅读并同意当前版本的《敏感个人信息处理单独同意书》");
                    }
                })
                .flatMap(v -> codes.verify(phone, code.trim()))
                .flatMap(ok -> {
                    if (!ok) {
                        throw ApiProblem.ruleAt("verificationCode", WRONG_CODE);
                    }
                    return writes.registerVerified(profile, id, username.trim(), password, phone, consentVersion,
                            campaign, ip);
                })
                .replaceWithVoid();
    }
}
