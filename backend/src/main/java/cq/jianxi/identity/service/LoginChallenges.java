package cq.jianxi.identity.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.identity.domain.ChallengePurpose;
import cq.jianxi.identity.domain.LoginChallenge;
import cq.jianxi.identity.domain.UserAccount;
import cq.jianxi.identity.repository.LoginChallengeRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Issues and redeems the tickets between a correct password and the second factor. The ticket is 256
 * random bits; only its SHA-256 is stored, and it ends at first use or after a few minutes.
 */
@ApplicationScoped
public class LoginChallenges {

    /** One message for a ticket that is unknown, used, expired or for the other step: nothing to learn from it. */
    static final String STALE = "登录验证已失效，请重新输入账号和密码";

    private final SecureRandom random = new SecureRandom();

    @Inject
    SecondFactorConfig config;

    @Inject
    LoginChallengeRepository challenges;

    /** Must run inside the login's transaction; returns the ticket to hand to the client. */
    public Uni<String> issue(UserAccount user, ChallengePurpose purpose, String ip, OffsetDateTime now) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        LoginChallenge challenge = new LoginChallenge();
        challenge.tokenHash = hash(token);
        challenge.userId = user.id;
        challenge.purpose = purpose;
        challenge.createdAt = now;
        challenge.expiresAt = now.plus(config.challengeTtl());
        challenge.ip = ip;
        return challenges.persist(challenge).replaceWith(token);
    }

    /** The live challenge of this ticket, locked for the rest of the transaction; 401 otherwise. */
    public Uni<LoginChallenge> redeem(String token, ChallengePurpose purpose, OffsetDateTime now) {
        return challenges.findForUpdate(hash(token)).map(challenge -> {
            if (challenge == null || !challenge.usableAt(now, purpose)) {
                throw ApiProblem.unauthorized(STALE);
            }
            return challenge;
        });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
