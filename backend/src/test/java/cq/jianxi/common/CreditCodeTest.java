package cq.jianxi.common;

import cq.jianxi.common.validation.CreditCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class CreditCodeTest {

    @Test
    void acceptsTheStandardsExampleAndARealCode() {
        assertNull(CreditCode.problem("91350100M000100Y43"));
        assertNull(CreditCode.problem("91110000600037341L"));
    }

    @Test
    void refusesAWrongCheckCharacter() {
        assertEquals("统一社会信用代码校验位不正确", CreditCode.problem("91350100M000100Y44"));
    }

    @Test
    void refusesWrongLengthAndLettersOutsideTheAlphabet() {
        assertNotNull(CreditCode.problem("91350100M000100Y4"));
        assertNotNull(CreditCode.problem("91350100M00O100Y43")); // O is not in the alphabet
        assertNotNull(CreditCode.problem(null));
    }
}
