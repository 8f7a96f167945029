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

    /** Validates, checks the code (its own transaction, so wrong guesses count), then registers. */
    public Uni<Void> register(YouthProfile profile, String username, String password, String code,
                              String consentVersion, String ip) {
        String id = ResidentId.normalize(profile.idNumber());
        Checks checks = profiles.validate(profile, id);
        checks.notBlank("username", username, 64, "用户名");
        checks.check(code != null && code.trim().matches("\\d{6}"), "verificationCode", "请输入 6 位短信验证码");
        checks.throwIfAny();
        accounts.validate("username", username.trim(), "password", password);
        String phone = profile.phone().trim();
        return profiles.checkRegions(profile)
                .flatMap(v -> codes.verify(phone, code.trim()))
                .flatMap(ok -> {
                    if (!ok) {
                        throw ApiProblem.invalidField("verificationCode", WRONG_CODE);
                    }
                    return writes.registerVerified(profile, id, username.trim(), password, phone, consentVersion, ip);
                })
                .replaceWithVoid();
    }
}
