package cq.jianxi.organization.service;

import cq.jianxi.organization.domain.Base;
import cq.jianxi.organization.domain.BaseStatus;
import cq.jianxi.organization.domain.Ownership;
import cq.jianxi.organization.repository.EmployerRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** The employer data a filing proposes, kept on the base until approval makes it the employer's own. */
@ApplicationScoped
public class FilingProposals {

    @Inject
    EmployerRepository employers;

    /** The employer data a filing proposes. */
    public record Proposal(String name, String regionCode, String industry, String ownership, List<String> keyCategories) {
        public String json() {
            try {
                return JSON.writeValueAsString(this);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        public static Proposal of(String json) {
            try {
                return JSON.readValue(json, Proposal.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Once a filing is approved, what it proposed becomes the employer's data. */
    public Uni<Void> apply(Base base) {
        if (base.status != BaseStatus.APPROVED || base.proposal == null) {
            return Uni.createFrom().voidItem();
        }
        Proposal p = Proposal.of(base.proposal);
        return employers.findById(base.employerId).flatMap(employer -> {
            employer.name = p.name();
            employer.regionCode = p.regionCode();
            employer.industry = p.industry();
            employer.ownership = Ownership.valueOf(p.ownership());
            base.proposal = null;
            return employers.addCategories(employer.id, p.keyCategories());
        });
    }
}
