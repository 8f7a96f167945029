package cq.jianxi.identity.service;

import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With an external OIDC provider (jianxi.auth.mode=external) the provider's second factor applies: the
 * platform keeps no secret, reports the factor as managed externally and offers none of its own steps.
 */
class SecondFactorExternalModeTest {

    private static final Caller STAFF = new Caller("ext-subject", null, "ext-admin", "外部管理员", Role.CITY_ADMIN,
            null, null, null, null, null, "127.0.0.1");

    @Test
    void statusSaysTheProviderManagesTheSecondFactor() {
        SecondFactorSettingsService settings = new SecondFactorSettingsService();
        settings.auth = external();
        SecondFactorSettingsService.Status status = settings.status(STAFF).await().indefinitely();
        assertTrue(status.managedExternally());
        assertTrue(status.required());
        assertFalse(status.enabled());
    }

    @Test
    void noBuiltInSecondFactorStepAnswersInExternalMode() {
        SecondFactorService login = new SecondFactorService();
        login.auth = external();
        SecondFactorSettingsService settings = new SecondFactorSettingsService();
        settings.auth = external();
        assertEquals(404, assertThrows(ApiProblem.class, () -> login.verify("ticket", "123456", null, "127.0.0.1")).status());
        assertEquals(404, assertThrows(ApiProblem.class, () -> login.beginEnrolment("ticket", "127.0.0.1")).status());
        assertEquals(404, assertThrows(ApiProblem.class, () -> settings.beginEnrolment(STAFF, null, null)).status());
        assertEquals(404, assertThrows(ApiProblem.class, () -> settings.reset(STAFF, "someone")).status());
    }

    /** Only the mode matters here; a proxy keeps the test independent of the other login settings. */
    private static AuthConfig external() {
        return (AuthConfig) Proxy.newProxyInstance(AuthConfig.class.getClassLoader(), new Class<?>[]{AuthConfig.class},
                (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    if (method.getName().equals("mode")) {
                        return "external";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
