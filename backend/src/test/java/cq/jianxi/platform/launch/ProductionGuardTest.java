package cq.jianxi.platform.launch;

import cq.jianxi.support.Api;
import cq.jianxi.support.EmbeddedPostgresResource;
import cq.jianxi.support.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production check run against the test setup (checks are off in the test profile, so it started):
 * demo accounts, generated keys and the accounts with the demo password are exactly what it refuses.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ProductionGuardTest {

    @Inject
    ProductionGuard guard;

    @Test
    void refusesTheDemoSetupNamingEveryReasonAndTheAccounts() throws Throwable {
        TestDb.createUser("guard_district", Api.PASSWORD, "DISTRICT_ADMIN", "500102", null);
        TestDb.createUser("guard_own_password", "Guard#Pass2024", "DISTRICT_ADMIN", "500102", null);
        TestDb.createUser("guard_disabled", Api.PASSWORD, "DEPARTMENT", null, "KJJ");
        TestDb.update("update user_account set enabled = false where username = 'guard_disabled'");

        List<String> problems = guard.problems();

        assertTrue(problems.stream().anyMatch(p -> p.startsWith("jianxi.demo.enabled is true")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("the token signing key was generated")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("the personal-data encryption key (jianxi.crypto.data-key) was generated")),
                problems.toString());
        List<String> accounts = problems.stream().filter(p -> p.startsWith("accounts still have the demo password")).toList();
        assertEquals(1, accounts.size(), problems.toString());
        String named = accounts.get(0);
        for (String demo : List.of("admin", "wanzhou", "jiaowei", "base_demo", "youth_demo", "guard_district")) {
            assertTrue(named.contains(demo), demo + " in " + named);
        }
        assertFalse(named.contains("guard_own_password"), named);
        assertFalse(named.contains("guard_disabled"), named);
    }
}
