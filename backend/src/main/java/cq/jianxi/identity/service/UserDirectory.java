package cq.jianxi.identity.service;

import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.identity.domain.UserAccount;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Describes a user with the names of their region, department and base, for /api/me and the login
 * response. Reads the names by SQL so identity does not depend on the contexts that own them.
 */
@ApplicationScoped
public class UserDirectory {

    @Inject
    Pool pool;

    public Uni<Profile> describe(UserAccount user) {
        return describe(user.id, user.username, user.displayName, user.role, user.regionCode, user.departmentCode,
                user.baseId, user.youthId);
    }

    public Uni<Profile> describe(Caller caller) {
        return describe(caller.userId(), caller.username(), caller.displayName(), caller.role(), caller.regionCode(),
                caller.departmentCode(), caller.baseId(), caller.youthId());
    }

    private Uni<Profile> describe(Long id, String username, String displayName, Role role,
                                  String regionCode, String departmentCode, Long baseId, Long youthId) {
        return pool.preparedQuery("""
                        select (select short_name from region where code = $1) as region_name,
                               (select name from department where code = $2) as department_name,
                               (select name from base where id = $3) as base_name,
                               (select status from base where id = $3) as base_status
                        """)
                .execute(Tuple.of(regionCode, departmentCode, baseId))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Profile(id, username, displayName, role, regionCode, row.getString("region_name"),
                            departmentCode, row.getString("department_name"), baseId, row.getString("base_name"),
                            row.getString("base_status"), youthId);
                });
    }

    /** A user with resolved names. */
    public record Profile(Long id, String username, String displayName, Role role,
                          String regionCode, String regionName, String departmentCode, String departmentName,
                          Long baseId, String baseName, String baseStatus, Long youthId) {
    }
}
