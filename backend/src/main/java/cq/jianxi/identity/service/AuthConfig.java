package cq.jianxi.identity.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Login, session and lockout settings (jianxi.auth.*). */
@ConfigMapping(prefix = "jianxi.auth")
public interface AuthConfig {

    /** embedded: the backend's own accounts sign tokens; external: an OIDC provider does. */
    @WithDefault("embedded")
    String mode();

    Optional<String> privateKeyFile();

    @WithDefault("jianxi")
    String issuer();

    /** Access tokens are short-lived; an active client renews them before they expire. */
    @WithDefault("PT10M")
    Duration accessTokenTtl();

    @WithDefault("PT30M")
    Duration idleTimeout();

    @WithDefault("PT12H")
    Duration absoluteTimeout();

    @WithDefault("5")
    int maxFailures();

    @WithDefault("PT15M")
    Duration lockWindow();

    /** Staff passwords (CITY_ADMIN, DISTRICT_ADMIN, DEPARTMENT) must be changed after this long. */
    @WithDefault("P90D")
    Duration staffPasswordMaxAge();

    /** How many of the latest passwords, the current one included, cannot be chosen again. */
    @WithDefault("5")
    int passwordHistory();

    default boolean embedded() {
        return "embedded".equalsIgnoreCase(mode());
    }
}
