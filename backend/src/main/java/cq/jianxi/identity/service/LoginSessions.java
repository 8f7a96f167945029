package cq.jianxi.identity.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.identity.domain.AuthSession;
import cq.jianxi.identity.domain.UserAccount;
import cq.jianxi.identity.repository.AuthSessionRepository;
import cq.jianxi.identity.service.AuthService.LoginOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Opens the server-side session of a completed login and signs its first access token. */
@ApplicationScoped
public class LoginSessions {

    @Inject
    AppClock clock;

    @Inject
    AuthConfig config;

    @Inject
    AuthSessionRepository sessions;

    @Inject
    TokenIssuer tokens;

    @Inject
    PasswordService passwords;

    /** Must run inside the login's transaction. */
    public Uni<LoginOutcome> open(UserAccount user, String ip, OffsetDateTime now) {
        AuthSession session = new AuthSession();
        session.id = UUID.randomUUID();
        session.userId = user.id;
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(config.absoluteTimeout());
        session.ip = ip;
        // An expired or administrator-reset password opens a session that may only change it.
        session.restricted = passwords.changeRequired(user, now);
        return sessions.persist(session)
                .map(s -> LoginOutcome.ok(tokens.issue(user, s.id, clock.wallClock()), user, config.accessTokenTtl(),
                        s.restricted));
    }
}
