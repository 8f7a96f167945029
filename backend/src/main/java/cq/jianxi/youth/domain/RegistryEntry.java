package cq.jianxi.youth.domain;

import java.time.LocalDate;

/** A person as a roster of another department records them, to be registered or brought up to date. */
public record RegistryEntry(String idNumber, String name, String school, String major, String education,
                            LocalDate graduationDate, String currentStatus, boolean internshipIntention,
                            boolean trainingIntention) {
}
