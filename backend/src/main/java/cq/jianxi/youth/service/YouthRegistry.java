package cq.jianxi.youth.service;

import cq.jianxi.common.persistence.JdbcTransaction;
import cq.jianxi.youth.domain.RegistryCounts;
import cq.jianxi.youth.domain.RegistryEntry;
import cq.jianxi.youth.repository.YouthRegistryJdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The registry's bulk entry point for rosters shared by other departments: registers new people and
 * updates known ones by ID number. Blocking; it writes on the importing transaction's connection.
 */
@ApplicationScoped
public class YouthRegistry {

    @Inject
    YouthRegistryJdbc jdbc;

    public RegistryCounts upsert(JdbcTransaction transaction, List<RegistryEntry> entries, Set<String> regionCodes)
            throws SQLException {
        return jdbc.upsert(transaction, entries, regionCodes);
    }
}
