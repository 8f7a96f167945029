package cq.jianxi.youth.repository;

import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.validation.ResidentId;
import cq.jianxi.common.persistence.JdbcTransaction;
import cq.jianxi.youth.domain.RegistryCounts;
import cq.jianxi.youth.domain.RegistryEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upserts registry records by ID number in JDBC batches on the caller's connection, so a 100,000-row
 * roster takes one round trip per thousand rows and commits or rolls back with the import around it.
 */
@ApplicationScoped
public class YouthRegistryJdbc {

    @Inject
    AppClock clock;

    @Inject
    PersonalDataCipher cipher;

    /**
     * @param regionCodes the known regions: a new record's region is its ID number's area prefix when known
     */
    public RegistryCounts upsert(JdbcTransaction tx, List<RegistryEntry> entries, Set<String> regionCodes) throws SQLException {
        Connection c = tx.connection();
        if (entries.isEmpty()) {
            return new RegistryCounts(0, 0, 0);
        }
        Map<String, RegistryEntry> byHash = new LinkedHashMap<>();
        for (RegistryEntry e : entries) {
            byHash.put(cipher.lookupHash(e.idNumber()), e);
        }
        Map<String, Object[]> existing = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("""
                select id_number_hash, name, school, major, education, graduation_date, current_status,
                       internship_intention, training_intention from youth where id_number_hash = any(?)""")) {
            st.setArray(1, c.createArrayOf("varchar", byHash.keySet().toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    existing.put(rs.getString(1).trim(), new Object[]{rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getString(7),
                            rs.getBoolean(8), rs.getBoolean(9)});
                }
            }
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement insert = c.prepareStatement("""
                insert into youth (name, id_number_enc, id_number_hash, birth_date, sex, region_code, education, school,
                                   major, graduation_date, current_status, internship_intention, training_intention,
                                   source, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ROSTER', ?, ?)""");
             PreparedStatement update = c.prepareStatement("""
                update youth set name = ?, school = ?, major = ?, education = ?, graduation_date = ?, current_status = ?,
                                 internship_intention = ?, training_intention = ?, updated_at = ?
                where id_number_hash = ?""")) {
            for (RegistryEntry r : entries) {
                String hash = cipher.lookupHash(r.idNumber());
                Object[] given = {r.name(), r.school(), r.major(), r.education(), r.graduationDate(), r.currentStatus(),
                        r.internshipIntention(), r.trainingIntention()};
                Object[] old = existing.get(hash);
                if (old == null) {
                    String prefix = r.idNumber().substring(0, 6);
                    insert.setString(1, r.name());
                    insert.setString(2, cipher.encrypt(r.idNumber()));
                    insert.setString(3, hash);
                    insert.setDate(4, Date.valueOf(ResidentId.birthDate(r.idNumber())));
                    insert.setString(5, ResidentId.sex(r.idNumber()));
                    insert.setString(6, regionCodes.contains(prefix) ? prefix : null);
                    insert.setString(7, r.education());
                    insert.setString(8, r.school());
                    insert.setString(9, r.major());
                    insert.setDate(10, Date.valueOf(r.graduationDate()));
                    insert.setString(11, r.currentStatus());
                    insert.setBoolean(12, r.internshipIntention());
                    insert.setBoolean(13, r.trainingIntention());
                    insert.setTimestamp(14, now);
                    insert.setTimestamp(15, now);
                    insert.addBatch();
                    existing.put(hash, given);
                    created++;
                } else if (Arrays.equals(old, given)) {
                    unchanged++;
                } else {
                    update.setString(1, r.name());
                    update.setString(2, r.school());
                    update.setString(3, r.major());
                    update.setString(4, r.education());
                    update.setDate(5, Date.valueOf(r.graduationDate()));
                    update.setString(6, r.currentStatus());
                    update.setBoolean(7, r.internshipIntention());
                    update.setBoolean(8, r.trainingIntention());
                    update.setTimestamp(9, now);
                    update.setString(10, hash);
                    update.addBatch();
                    existing.put(hash, given);
                    updated++;
                }
            }
            insert.executeBatch();
            update.executeBatch();
        }
        return new RegistryCounts(created, updated, unchanged);
    }
}
