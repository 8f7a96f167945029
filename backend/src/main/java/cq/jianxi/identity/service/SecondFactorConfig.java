package cq.jianxi.identity.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Second-factor settings (jianxi.second-factor.*). */
@ConfigMapping(prefix = "jianxi.second-factor")
public interface SecondFactorConfig {

    /** Long enough to open the authenticator app (or to bind one), short enough that a stolen ticket is stale. */
    @WithDefault("PT5M")
    Duration challengeTtl();

    /** The issuer shown in authenticator apps next to the account name. */
    @WithDefault("见习通")
    String issuer();
}
