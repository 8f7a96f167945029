package cq.jianxi.youth.service;

import java.time.LocalDate;
import java.util.List;

/** The fields a young person (or staff) fills in for the registry. */
public record YouthProfile(
        String name,
        String idNumber,
        String phone,
        String regionCode,
        String education,
        String school,
        String major,
        LocalDate graduationDate,
        String currentStatus,
        Boolean internshipIntention,
        Boolean trainingIntention,
        List<String> preferredRegions,
        List<String> preferredCategories) {
}
