package cq.jianxi.common;

import cq.jianxi.common.validation.ResidentId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Resident ID numbers: check character, birth date and the GB/T 2260 division prefix. */
class ResidentIdTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

    static String id(String division) {
        String first17 = division + "20000101" + "123";
        return first17 + ResidentId.checkCharacter(first17);
    }

    @Test
    void acceptsCountiesOfRealProvinces() {
        for (String division : new String[]{"500101", "110105", "510104", "460107", "654001", "710100", "810001", "820001"}) {
            assertNull(ResidentId.problem(id(division), TODAY), division);
        }
    }

    @Test
    void refusesADivisionCodeOfNoProvince() {
        for (String division : new String[]{"990101", "000101", "190101", "240101", "380101", "470101", "550101",
                "660101", "720101", "830101"}) {
            assertEquals("身份证号前 6 位不是有效的行政区划代码", ResidentId.problem(id(division), TODAY), division);
        }
    }

    @Test
    void refusesAProvinceCodeInPlaceOfACounty() {
        assertNotNull(ResidentId.problem(id("500000"), TODAY));
        assertNotNull(ResidentId.divisionProblem("110000"));
        assertNull(ResidentId.divisionProblem("500100"), "the prefix rule refuses only the province code itself");
    }
}
