package cq.jianxi.position.service;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The editable fields of a position, as a base submits them. */
public record PositionDraft(
        String title,
        String category,
        Integer headcount,
        String education,
        String majors,
        String description,
        String regionCode,
        BigDecimal monthlyAllowance,
        Integer durationMonths,
        LocalDate deadline,
        String departmentCode) {
}
