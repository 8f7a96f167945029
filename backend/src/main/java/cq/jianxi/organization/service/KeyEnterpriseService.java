package cq.jianxi.organization.service;

import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.persistence.NativeValues;
import cq.jianxi.audit.domain.AuditAction;
import cq.jianxi.audit.service.AuditService;
import cq.jianxi.common.problem.ApiProblem;
import cq.jianxi.common.problem.Violation;
import cq.jianxi.common.security.Caller;
import cq.jianxi.common.security.Role;
import cq.jianxi.common.tabular.TabularFile;
import cq.jianxi.common.validation.CreditCode;
import cq.jianxi.organization.domain.KeyEnterpriseEntry;
import cq.jianxi.organization.repository.EmployerRepository;
import cq.jianxi.organization.repository.KeyEnterpriseCategoryRepository;
import cq.jianxi.organization.repository.KeyEnterpriseEntryRepository;
import cq.jianxi.region.service.Regions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The key-enterprise list of Annex 3, uploaded by districts (their own region) or the city: rows are
 * matched to employers by credit code, and coverage shows which listed enterprises have not filed.
 */
@ApplicationScoped
public class KeyEnterpriseService {

    @jakarta.inject.Inject
    AppClock clock;

    static final int MAX_ROWS = 20_000;

    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("region", "region"), Map.entry("区县", "region"), Map.entry("region_code", "region"),
            Map.entry("category", "category"), Map.entry("类别", "category"), Map.entry("企业类别", "category"),
            Map.entry("employer_name", "name"), Map.entry("name", "name"), Map.entry("企业名称", "name"), Map.entry("单位名称", "name"),
            Map.entry("credit_code", "code"), Map.entry("统一社会信用代码", "code"));

    @Inject
    KeyEnterpriseEntryRepository entries;
    @Inject
    EmployerRepository employers;
    @Inject
    Regions regions;
    @Inject
    KeyEnterpriseCategoryRepository categories;
    @Inject
    AuditService audit;

    /** The outcome of an upload. */
    public record ImportResult(int rows, int added, int matchedEmployers) {
    }

    /** One listed enterprise with its filing state. */
    public record Coverage(KeyEnterpriseEntry entry, String regionName, String categoryName, Long employerId,
                           Long baseId, String baseStatus) {
    }

    @WithTransaction
    public Uni<ImportResult> importList(Caller caller, byte[] content) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN);
        TabularFile.Table table;
        try {
            table = TabularFile.read(content, MAX_ROWS);
        } catch (TabularFile.TabularException e) {
            throw ApiProblem.unprocessable("文件无法读取：" + e.getMessage(), List.of(Violation.of("file", e.getMessage())));
        }
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < table.header().size(); i++) {
            String mapped = HEADERS.get(table.header().get(i).trim().toLowerCase(Locale.ROOT));
            if (mapped != null) {
                column.putIfAbsent(mapped, i);
            }
        }
        List<Violation> violations = new ArrayList<>();
        for (String required : List.of("region", "category", "name", "code")) {
            if (!column.containsKey(required)) {
                violations.add(Violation.inFile(1, required, "缺少列：" + switch (required) {
                    case "region" -> "区县";
                    case "category" -> "类别";
                    case "name" -> "企业名称";
                    default -> "统一社会信用代码";
                }));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.unprocessable("文件表头不符合要求", violations);
        }
        return regions.listInOrder().flatMap(allRegions -> categories.listInOrder().flatMap(allCategories -> {
            Map<String, String> regionByText = new HashMap<>();
            allRegions.forEach(r -> {
                regionByText.put(r.code, r.code);
                regionByText.put(r.shortName, r.code);
                regionByText.put(r.officialName, r.code);
            });
            Map<String, String> categoryByText = new HashMap<>();
            allCategories.forEach(c -> {
                categoryByText.put(c.code, c.code);
                categoryByText.put(c.name, c.code);
            });
            List<KeyEnterpriseEntry> parsed = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            OffsetDateTime now = clock.now();
            for (TabularFile.Line line : table.lines()) {
                String region = regionByText.get(line.cell(column.get("region")));
                String category = categoryByText.get(line.cell(column.get("category")));
                String name = line.cell(column.get("name"));
                String code = CreditCode.normalize(line.cell(column.get("code")));
                if (region == null) {
                    violations.add(Violation.inFile(line.number(), "region", "未知的区县：" + line.cell(column.get("region"))));
                } else if (caller.is(Role.DISTRICT_ADMIN) && !region.equals(caller.regionCode())) {
                    violations.add(Violation.inFile(line.number(), "region", "只能上传本区县的重点企业"));
                }
                if (category == null) {
                    violations.add(Violation.inFile(line.number(), "category", "未知的重点企业类别：" + line.cell(column.get("category"))));
                }
                if (name.isEmpty() || name.length() > 200) {
                    violations.add(Violation.inFile(line.number(), "name", "企业名称不能为空且不超过 200 字"));
                }
                String codeProblem = CreditCode.problem(code);
                if (codeProblem != null) {
                    violations.add(Violation.inFile(line.number(), "code", codeProblem));
                } else if (category != null && !seen.add(code + "/" + category)) {
                    violations.add(Violation.inFile(line.number(), "code", "同一企业同一类别重复出现"));
                }
                KeyEnterpriseEntry entry = new KeyEnterpriseEntry();
                entry.regionCode = region;
                entry.categoryCode = category;
                entry.employerName = name;
                entry.creditCode = code;
                entry.uploadedBy = caller.username();
                entry.uploadedAt = now;
                parsed.add(entry);
            }
            if (!violations.isEmpty()) {
                throw ApiProblem.unprocessable("文件有 " + violations.size() + " 处错误，未导入任何数据", violations);
            }
            return upsert(parsed).flatMap(added -> matchEmployers()
                    .flatMap(matched -> audit.record(caller, AuditAction.KEY_ENTERPRISES_IMPORTED, "key_enterprise_list",
                                    null, parsed.size() + " 行，新增 " + added)
                            .replaceWith(new ImportResult(parsed.size(), added, matched))));
        }));
    }

    /** Listed enterprises in the caller's scope, optionally only those not yet filed as bases. */
    @WithSession
    public Uni<List<Coverage>> coverage(Caller caller, String regionCode, Boolean filed) {
        caller.requireRole(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.DEPARTMENT);
        String region = regionCode;
        if (caller.is(Role.DISTRICT_ADMIN)) {
            if (region != null) {
                caller.requireRegion(region);
            }
            region = caller.regionCode();
        }
        String sql = """
                select e.id, e.region_code, r.short_name, e.category_code, c.name as category_name, e.employer_name,
                       e.credit_code, e.uploaded_by, e.uploaded_at, m.id as employer_id, b.id as base_id, b.status as base_status
                from key_enterprise_entry e
                join region r on r.code = e.region_code
                join key_enterprise_category c on c.code = e.category_code
                left join employer m on m.credit_code = e.credit_code
                left join base b on b.employer_id = m.id and b.status in ('PENDING', 'APPROVED')
                where (cast(:region as varchar) is null or e.region_code = :region)
                order by r.seq, e.category_code, e.employer_name
                """;
        String finalRegion = region;
        return Panache.getSession().flatMap(s -> s.createNativeQuery(sql, Object[].class)
                .setParameter("region", finalRegion)
                .getResultList()).map(rows -> rows.stream().map(row -> {
            KeyEnterpriseEntry e = new KeyEnterpriseEntry();
            e.id = ((Number) row[0]).longValue();
            e.regionCode = (String) row[1];
            e.categoryCode = (String) row[3];
            e.employerName = (String) row[5];
            e.creditCode = (String) row[6];
            e.uploadedBy = (String) row[7];
            e.uploadedAt = NativeValues.timestamp(row[8]);
            return new Coverage(e, (String) row[2], (String) row[4],
                    row[9] == null ? null : ((Number) row[9]).longValue(),
                    row[10] == null ? null : ((Number) row[10]).longValue(), (String) row[11]);
        }).filter(c -> filed == null || filed == "APPROVED".equals(c.baseStatus())).toList());
    }

    private Uni<Integer> upsert(List<KeyEnterpriseEntry> parsed) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (KeyEnterpriseEntry entry : parsed) {
            chain = chain.flatMap(count -> entries.find("creditCode = ?1 and categoryCode = ?2", entry.creditCode, entry.categoryCode)
                    .firstResult().flatMap(existing -> {
                        if (existing != null) {
                            existing.employerName = entry.employerName;
                            existing.regionCode = entry.regionCode;
                            return Uni.createFrom().item(count);
                        }
                        return entries.persist(entry).replaceWith(count + 1);
                    }));
        }
        return chain;
    }

    /** Gives every employer whose credit code is listed the listed categories. */
    private Uni<Integer> matchEmployers() {
        return Panache.getSession().flatMap(s -> s.flush().replaceWith(s)).flatMap(s -> s.createNativeQuery("""
                insert into employer_key_category (employer_id, category_code)
                select m.id, e.category_code from key_enterprise_entry e join employer m on m.credit_code = e.credit_code
                on conflict do nothing
                """).executeUpdate());
    }
}
