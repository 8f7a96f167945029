package cq.jianxi.identity;

import cq.jianxi.identity.service.PasswordPolicy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    @Test
    void acceptsEightCharactersFromThreeClasses() {
        assertTrue(PasswordPolicy.check("Jianxi@2024").isEmpty());
        assertTrue(PasswordPolicy.check("abcdEF12").isEmpty());
        assertTrue(PasswordPolicy.check("abcd12#$").isEmpty());
    }

    @Test
    void refusesShortOrTwoClassPasswords() {
        assertFalse(PasswordPolicy.check("Ab1#").isEmpty());
        assertFalse(PasswordPolicy.check("abcdefgh1").isEmpty());
        assertFalse(PasswordPolicy.check("ABCDEFGH").isEmpty());
        assertFalse(PasswordPolicy.check(null).isEmpty());
    }

    @Test
    void refusesThePublishedDemoPassword() {
        assertTrue(PasswordPolicy.check(PasswordPolicy.DEMO_PASSWORD).orElseThrow().contains("演示密码"));
    }
}
