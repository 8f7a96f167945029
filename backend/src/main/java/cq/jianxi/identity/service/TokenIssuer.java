package cq.jianxi.identity.service;

import cq.jianxi.identity.domain.UserAccount;
import cq.jianxi.common.security.KeyMaterial;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Signs the built-in login's RS256 access tokens with the role and scope claims. */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    AuthConfig config;

    private volatile PrivateKey key;

    public String issue(UserAccount user, UUID sessionId, Instant issuedAt) {
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer())
                .subject(String.valueOf(user.id))
                .upn(user.username)
                .preferredUserName(user.username)
                .groups(Set.of(user.role.name()))
                .claim("name", user.displayName)
                .claim("sid", sessionId.toString())
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(config.accessTokenTtl()));
        if (user.regionCode != null) {
            claims.claim("regionCode", user.regionCode);
        }
        if (user.departmentCode != null) {
            claims.claim("departmentCode", user.departmentCode);
        }
        if (user.baseId != null) {
            claims.claim("baseId", user.baseId);
        }
        if (user.youthId != null) {
            claims.claim("youthId", user.youthId);
        }
        return claims.jws().keyId("jianxi-1").sign(signingKey());
    }

    private PrivateKey signingKey() {
        PrivateKey current = key;
        if (current == null) {
            String file = config.privateKeyFile()
                    .orElseThrow(() -> new IllegalStateException("jianxi.auth.private-key-file is not set"));
            current = KeyMaterial.readPrivateKey(Path.of(file));
            key = current;
        }
        return current;
    }
}
