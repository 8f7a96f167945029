package cq.jianxi.organization.service;

import java.util.List;

/** What a filing application carries: the employer, the contact, and optionally the base's account. */
public record FilingRequest(
        String creditCode,
        String employerName,
        String regionCode,
        String industry,
        String ownership,
        List<String> keyCategories,
        String contactName,
        String contactPhone,
        String address,
        String username,
        String password) {
}
