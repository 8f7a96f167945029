package cq.jianxi.identity.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** bcrypt hashing off the event loop: each check costs tens of milliseconds of CPU on purpose. */
@ApplicationScoped
public class PasswordHasher {

    /** Compared against when the account does not exist, so timing does not reveal which names exist. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("no-such-account-Placeholder1!");

    @Inject
    Vertx vertx;

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(password)));
    }

    public Uni<Boolean> matches(String password, String hash) {
        String against = hash == null ? DUMMY_HASH : hash;
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.matches(password, against) && hash != null));
    }

    /** For seeding outside a request: blocks the calling (non event-loop) thread. */
    public static String hashNow(String password) {
        return BcryptUtil.bcryptHash(password);
    }
}
