package cq.jianxi.dashboard.service;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScheduleTest {

    @Test
    void elapsedShareIsTheDayOfTheYearForTheCurrentYear() {
        assertEquals(0.5, RecruitmentDashboardService.elapsedShare(2026, LocalDate.of(2026, 7, 2)), 0.01);
        assertEquals(1.0, RecruitmentDashboardService.elapsedShare(2025, LocalDate.of(2026, 7, 2)));
        assertEquals(0.0, RecruitmentDashboardService.elapsedShare(2027, LocalDate.of(2026, 7, 2)));
    }

    @Test
    void aRegionIsBehindWhenItHasLessThanTheElapsedShareOfItsTarget() {
        var target = new RecruitmentDashboardService.Progress(1800, 800);
        assertTrue(RecruitmentDashboardService.behind(target, 0.5));
        assertFalse(RecruitmentDashboardService.behind(new RecruitmentDashboardService.Progress(1800, 900), 0.5));
        assertFalse(RecruitmentDashboardService.behind(new RecruitmentDashboardService.Progress(0, 0), 0.9));
    }
}
