package cq.jianxi.imports.service;

import cq.jianxi.common.tabular.Columns;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.persistence.JdbcTransaction;
import cq.jianxi.region.service.Regions;
import cq.jianxi.youth.domain.RegistryEntry;
import cq.jianxi.youth.domain.RegistryCounts;
import cq.jianxi.youth.service.YouthRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The education department's graduate roster: each valid row registers the person or brings their
 * record up to date through the youth registry, in chunks; a bad row is reported and skipped.
 */
@ApplicationScoped
public class RosterImport {

    @Inject
    AppClock clock;

    @Inject
    YouthRegistry registry;

    @Inject
    Regions regions;

    Columns columns() {
        return RosterRow.COLUMNS;
    }

    /** The region codes a new record's ID-number prefix is checked against. */
    Uni<Set<String>> regionCodes() {
        return regions.listInOrder().map(all -> all.stream().map(r -> r.code).collect(Collectors.toUnmodifiableSet()));
    }

    ImportJob.Factory job(Columns.Mapping mapping, Set<String> regionCodes) {
        return tx -> new Job(tx, mapping, regionCodes);
    }

    private final class Job extends ImportJob {
        private final Columns.Mapping mapping;
        private final Set<String> regionCodes;
        private final LocalDate today = clock.today();
        private final List<RegistryEntry> pending = new ArrayList<>();
        private final Set<Integer> badRows = new HashSet<>();

        Job(JdbcTransaction tx, Columns.Mapping mapping, Set<String> regionCodes) {
            super(tx);
            this.mapping = mapping;
            this.regionCodes = regionCodes;
        }

        @Override
        void row(int number, List<String> cells) {
            total++;
            int before = problems.size();
            RosterRow row = RosterRow.parse(number, cells, mapping, today, problems);
            if (row == null) {
                if (problems.size() > before && badRows.add(number)) {
                    errors++;
                }
            } else {
                pending.add(row.entry());
            }
        }

        @Override
        boolean due() {
            return pending.size() >= CHUNK;
        }

        @Override
        void flushRows() throws java.sql.SQLException {
            RegistryCounts counts = registry.upsert(tx, pending, regionCodes);
            created += counts.created();
            updated += counts.updated();
            unchanged += counts.unchanged();
            pending.clear();
        }
    }
}
