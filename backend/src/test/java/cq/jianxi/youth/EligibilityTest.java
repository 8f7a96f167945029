package cq.jianxi.youth;

import cq.jianxi.youth.domain.CurrentStatus;
import cq.jianxi.youth.domain.EducationLevel;
import cq.jianxi.youth.domain.Eligibility;
import cq.jianxi.youth.domain.Eligibility.Category;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static cq.jianxi.youth.domain.CurrentStatus.EMPLOYED;
import static cq.jianxi.youth.domain.CurrentStatus.STUDYING;
import static cq.jianxi.youth.domain.CurrentStatus.UNEMPLOYED;
import static cq.jianxi.youth.domain.EducationLevel.BACHELOR;
import static cq.jianxi.youth.domain.EducationLevel.JUNIOR_COLLEGE;
import static cq.jianxi.youth.domain.EducationLevel.SECONDARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one definition of the programme's target groups, without a database. */
class EligibilityTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 18);
    static final LocalDate BORN_30_YEARS_AGO = DAY.minusYears(30);

    static Category category(EducationLevel education, LocalDate graduated, LocalDate born, CurrentStatus status) {
        return Eligibility.categoryOn(education, graduated, born, status, DAY);
    }

    @Test
    void anUnemployedCollegeGraduateWithinTwoYearsIsAnUnemployedGraduate() {
        assertEquals(Category.UNEMPLOYED_GRADUATE, category(BACHELOR, LocalDate.of(2026, 6, 30), BORN_30_YEARS_AGO, UNEMPLOYED));
        assertEquals(Category.UNEMPLOYED_GRADUATE, category(JUNIOR_COLLEGE, DAY, BORN_30_YEARS_AGO, UNEMPLOYED));
        assertEquals(Category.UNEMPLOYED_GRADUATE, category(BACHELOR, DAY.minusYears(2).plusDays(1), BORN_30_YEARS_AGO, UNEMPLOYED));
    }

    @Test
    void twoYearsAfterGraduationOrBeforeGraduatingIsNoLongerAGraduate() {
        assertEquals(Category.NOT_ELIGIBLE, category(BACHELOR, DAY.minusYears(2), BORN_30_YEARS_AGO, UNEMPLOYED));
        assertEquals(Category.NOT_ELIGIBLE, category(BACHELOR, DAY.plusDays(1), BORN_30_YEARS_AGO, UNEMPLOYED));
        assertEquals(Category.NOT_ELIGIBLE, category(BACHELOR, null, BORN_30_YEARS_AGO, UNEMPLOYED));
    }

    @Test
    void aGraduateRegisteredAsStudyingOrEmployedDoesNotCount() {
        assertEquals(Category.NOT_ELIGIBLE, category(BACHELOR, LocalDate.of(2026, 6, 30), DAY.minusYears(22), STUDYING));
        assertEquals(Category.NOT_ELIGIBLE, category(BACHELOR, LocalDate.of(2026, 6, 30), DAY.minusYears(22), EMPLOYED));
    }

    @Test
    void secondarySchoolLeaversAreNotCollegeGraduates() {
        assertEquals(Category.NOT_ELIGIBLE, category(SECONDARY, LocalDate.of(2026, 6, 30), BORN_30_YEARS_AGO, UNEMPLOYED));
        assertEquals(Category.UNEMPLOYED_YOUTH, category(SECONDARY, LocalDate.of(2026, 6, 30), DAY.minusYears(19), UNEMPLOYED));
    }

    @Test
    void unemployedYouthAreSixteenToTwentyFourOnTheDay() {
        assertEquals(Category.UNEMPLOYED_YOUTH, category(SECONDARY, null, DAY.minusYears(16), UNEMPLOYED));
        assertEquals(Category.NOT_ELIGIBLE, category(SECONDARY, null, DAY.minusYears(16).plusDays(1), UNEMPLOYED));
        assertEquals(Category.UNEMPLOYED_YOUTH, category(SECONDARY, null, DAY.minusYears(25).plusDays(1), UNEMPLOYED));
        assertEquals(Category.NOT_ELIGIBLE, category(SECONDARY, null, DAY.minusYears(25), UNEMPLOYED));
        assertEquals(Category.NOT_ELIGIBLE, category(SECONDARY, null, DAY.minusYears(20), EMPLOYED));
    }

    @Test
    void aFortySixYearOldWhoIsNotARecentGraduateIsNotEligible() {
        assertEquals(Category.NOT_ELIGIBLE, category(BACHELOR, LocalDate.of(2002, 7, 1), DAY.minusYears(46), UNEMPLOYED));
        assertFalse(Category.NOT_ELIGIBLE.eligible());
        assertEquals("不符合见习补贴对象条件", Category.NOT_ELIGIBLE.label());
    }

    @Test
    void aGraduateAgedTwentyTwoIsCountedAsAGraduateOnce() {
        assertEquals(Category.UNEMPLOYED_GRADUATE, category(BACHELOR, LocalDate.of(2026, 6, 30), DAY.minusYears(22), UNEMPLOYED));
        // Both groups hold as facts; the category that decides the subsidy is the graduate one.
        LocalDate graduated = LocalDate.of(2026, 6, 30);
        assertTrue(Eligibility.unemployedGraduateOn(BACHELOR, graduated, UNEMPLOYED, DAY));
        assertTrue(Eligibility.unemployedYouthOn(DAY.minusYears(22), UNEMPLOYED, DAY));
        String youth = Eligibility.sql(Category.UNEMPLOYED_YOUTH, "y", DAY).sql();
        assertTrue(youth.contains("not coalesce(y.education in"), "the youth condition excludes graduates: " + youth);
    }

    @Test
    void theSqlConditionNamesItsParametersAndTheCollegeLevels() {
        var graduate = Eligibility.sql(Category.UNEMPLOYED_GRADUATE, "y", DAY);
        assertTrue(graduate.sql().contains("'JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTOR'"), graduate.sql());
        assertTrue(graduate.sql().contains("y.current_status = 'UNEMPLOYED'"), graduate.sql());
        assertEquals(DAY, graduate.params().get("elig_day"));
        assertEquals(DAY.minusYears(2), graduate.params().get("elig_graduated_after"));
        assertFalse(graduate.params().containsKey("elig_born_by"));
        var youth = Eligibility.sql(Category.UNEMPLOYED_YOUTH, "", DAY);
        assertEquals(DAY.minusYears(16), youth.params().get("elig_born_by"));
        assertEquals(DAY.minusYears(25), youth.params().get("elig_born_after"));
        assertTrue(youth.sql().startsWith("(current_status"), youth.sql());
        assertEquals(4, Eligibility.sql(Category.NOT_ELIGIBLE, "y", DAY).params().size());
    }
}
