package cq.jianxi.platform.demo;

import cq.jianxi.common.crypto.PersonalDataCipher;
import cq.jianxi.common.time.AppClock;
import cq.jianxi.common.validation.CreditCode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A realistic, reproducible year of recruitment for demos: hundreds of employers and bases across all
 * 41 regions, thousands of positions published through the year, some regions ahead of schedule and
 * some behind, a few filings and positions waiting for review. Written with batched SQL in one
 * transaction so the first `make run` stays quick.
 */
@ApplicationScoped
public class DemoPopulation {

    private static final Logger LOG = Logger.getLogger(DemoPopulation.class);

    private static final String[] PREFIXES = {"渝新", "巴渝", "山城", "两江", "嘉陵", "缙云", "长江", "三峡", "金佛", "武陵",
            "渝东", "渝西", "明月", "歌乐", "朝天", "鹅岭", "南山", "龙脊", "璧山", "大足"};
    private static final String[][] INDUSTRIES = {
            {"智能制造", "科技", "TECHNICAL"}, {"软件", "信息技术", "RESEARCH"}, {"生物医药", "研究院", "RESEARCH"},
            {"新材料", "科技", "TECHNICAL"}, {"汽车零部件", "制造", "TECHNICAL"}, {"电子信息", "技术", "TECHNICAL"},
            {"现代物流", "供应链", "MANAGEMENT"}, {"文化传媒", "文化", "OTHER"}, {"农业科技", "农业", "RESEARCH"},
            {"社区服务", "社会工作服务中心", "SOCIAL_SERVICE"}, {"养老服务", "康养服务中心", "SOCIAL_SERVICE"},
            {"商贸", "商贸", "MANAGEMENT"}, {"建筑设计", "设计院", "TECHNICAL"}, {"金融服务", "咨询", "MANAGEMENT"}};
    private static final String[] OWNERSHIP = {"PRIVATE", "PRIVATE", "PRIVATE", "PRIVATE", "STATE_OWNED", "STATE_OWNED",
            "FOREIGN", "PUBLIC_INSTITUTION", "SOCIAL_ORGANIZATION", "OTHER"};
    private static final String[] CATEGORIES = {"ZJTX", "ZDGY100", "CZXGY100", "RJXX", "JQ33618"};
    private static final String[][] TITLES = {
            {"RESEARCH", "研发助理"}, {"RESEARCH", "实验员"}, {"RESEARCH", "数据分析助理"}, {"RESEARCH", "算法工程助理"},
            {"TECHNICAL", "机械技术员"}, {"TECHNICAL", "电气工程助理"}, {"TECHNICAL", "质量检验员"}, {"TECHNICAL", "数控操作员"},
            {"TECHNICAL", "软件测试助理"}, {"SOCIAL_SERVICE", "社区服务专员"}, {"SOCIAL_SERVICE", "社工助理"},
            {"SOCIAL_SERVICE", "养老服务助理"}, {"MANAGEMENT", "行政助理"}, {"MANAGEMENT", "人力资源助理"},
            {"MANAGEMENT", "财务助理"}, {"OTHER", "新媒体运营"}, {"OTHER", "销售助理"}};
    private static final String[] EDUCATION = {"ANY", "JUNIOR_COLLEGE", "JUNIOR_COLLEGE", "BACHELOR", "BACHELOR", "BACHELOR", "MASTER"};

    @Inject
    Pool pool;

    @Inject
    PersonalDataCipher cipher;

    /** A valid GB 32100 code for a demo employer: registered enterprise (91), region, serial. */
    static String creditCode(String regionCode, int serial) {
        String division = regionCode.chars().allMatch(Character::isDigit) ? regionCode : "500000";
        String first17 = "91" + division + String.format("%09d", serial);
        return first17 + CreditCode.checkCharacter(first17);
    }

    public Uni<Void> seedIfEmpty(LocalDate today) {
        return pool.withTransaction(conn -> conn.query("select count(*) from position").execute()
                .flatMap(rows -> {
                    if (rows.iterator().next().getLong(0) > 10) {
                        return Uni.createFrom().voidItem();
                    }
                    return seed(conn, today);
                }));
    }

    private record RegionPlan(String code, int positions, int bases, int keyBases) {
    }

    private Uni<Void> seed(SqlConnection conn, LocalDate today) {
        int year = today.getYear();
        return conn.preparedQuery("""
                        insert into plan (year, source, updated_by)
                        select $1, '演示数据：沿用2023年目标', 'system' where not exists (select 1 from plan where year = $1)
                        """).execute(Tuple.of(year))
                .flatMap(x -> conn.preparedQuery("""
                        insert into plan_target (year, region_code, new_bases, new_key_enterprise_bases, positions, participants,
                               policy_sessions, matching_events, typical_persons, national_nominations)
                        select $1, region_code, new_bases, new_key_enterprise_bases, positions, participants,
                               policy_sessions, matching_events, typical_persons, national_nominations
                        from plan_target where year = 2023 on conflict do nothing
                        """).execute(Tuple.of(year)))
                .flatMap(x -> conn.preparedQuery("""
                        select t.region_code, t.positions, t.new_bases, t.new_key_enterprise_bases
                        from plan_target t join region r on r.code = t.region_code where t.year = $1 order by r.seq
                        """).execute(Tuple.of(year)))
                .flatMap(rows -> {
                    List<RegionPlan> plans = new ArrayList<>();
                    for (Row r : rows) {
                        plans.add(new RegionPlan(r.getString(0), r.getInteger(1), r.getInteger(2), r.getInteger(3)));
                    }
                    return generate(conn, plans, today);
                });
    }

    private Uni<Void> generate(SqlConnection conn, List<RegionPlan> plans, LocalDate today) {
        Random random = new Random(20231128L);
        double elapsed = (double) today.getDayOfYear() / today.lengthOfYear();
        LocalDate yearStart = LocalDate.of(today.getYear(), 1, 1);
        List<Tuple> employers = new ArrayList<>();
        List<Tuple> categories = new ArrayList<>();
        List<Tuple> bases = new ArrayList<>();
        List<Tuple> positions = new ArrayList<>();
        long employerId = 100_000;
        long baseId = 100_000;
        int serial = 10;
        for (RegionPlan plan : plans) {
            double pace = 0.55 + random.nextDouble() * 0.6; // some regions lag, some lead
            int filed = (int) Math.round(plan.bases() * elapsed * pace);
            int keyFiled = Math.min(filed, (int) Math.round(plan.keyBases() * elapsed * pace));
            int pending = 1 + random.nextInt(3);
            List<long[]> approvedBases = new ArrayList<>();
            for (int i = 0; i < filed + pending; i++) {
                String[] industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
                String ownership = OWNERSHIP[random.nextInt(OWNERSHIP.length)];
                String name = "重庆" + PREFIXES[random.nextInt(PREFIXES.length)] + industry[0] + industry[1]
                        + (industry[1].endsWith("中心") || industry[1].endsWith("院") ? "" : "有限公司") + "（" + (serial) + "）";
                long eid = employerId++;
                // Established 1 to 20 years ago (market regulation's 成立日期), which the national eligibility reads;
                // derived from the id so the seeded random sequence, and with it the rest of the demo, stays as it was.
                employers.add(Tuple.tuple(List.of(eid, creditCode(plan.code(), serial++), name, plan.code(), industry[0],
                        ownership, random.nextInt(40) == 0 ? "REVOKED" : "OPERATING",
                        today.minusDays(365L + (eid * 7919L) % (19 * 365)))));
                boolean approved = i < filed;
                if (approved && i < keyFiled) {
                    categories.add(Tuple.of(eid, CATEGORIES[random.nextInt(CATEGORIES.length)]));
                }
                long bid = baseId++;
                LocalDate applied = approved
                        ? yearStart.plusDays(random.nextInt(Math.max(1, today.getDayOfYear() - 7)))
                        : today.minusDays(random.nextInt(10));
                OffsetDateTime appliedAt = applied.atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(60)))
                        .atZone(AppClock.ZONE).toOffsetDateTime();
                OffsetDateTime decidedAt = approved ? appliedAt.plusDays(1 + random.nextInt(5)) : null;
                if (decidedAt != null && decidedAt.toLocalDate().isAfter(today)) {
                    decidedAt = appliedAt;
                }
                // Levels held from last year's selection (the demo has no earlier evaluation on record).
                String drawn = random.nextInt(12) == 0 ? "CITY" : random.nextInt(5) == 0 ? "DISTRICT" : "ORDINARY";
                String level = approved ? drawn : "ORDINARY";
                bases.add(Tuple.tuple(java.util.Arrays.asList(bid, eid, name, plan.code(), approved ? "APPROVED" : "PENDING",
                        level,
                        random.nextInt(4) == 0 ? "DISTRICT" : "SELF", "联系人" + (char) ('A' + random.nextInt(26)),
                        cipher.encrypt("13" + String.format("%09d", random.nextInt(1_000_000_000))), appliedAt,
                        decidedAt, approved ? "system" : null, approved ? Integer.valueOf(decidedAt.getYear()) : null,
                        "ORDINARY".equals(level) ? null : Integer.valueOf(today.getYear() - 1))));
                if (approved) {
                    approvedBases.add(new long[]{bid, "STATE_OWNED".equals(ownership) ? 1 : 0,
                            java.util.Arrays.asList(INDUSTRIES).indexOf(industry)});
                }
            }
            if (approvedBases.isEmpty()) {
                continue;
            }
            long goal = Math.round(plan.positions() * elapsed * pace);
            long recruited = 0;
            while (recruited < goal) {
                long[] base = approvedBases.get(random.nextInt(approvedBases.size()));
                String preferred = INDUSTRIES[(int) base[2]][2];
                String[] title = TITLES[random.nextInt(TITLES.length)];
                if (random.nextInt(3) > 0) {
                    for (String[] t : TITLES) {
                        if (t[0].equals(preferred) && random.nextBoolean()) {
                            title = t;
                            break;
                        }
                    }
                }
                int headcount = 2 + random.nextInt(24);
                LocalDate published = yearStart.plusDays(random.nextInt(Math.max(1, today.getDayOfYear())));
                LocalDate deadline = published.plusDays(30 + random.nextInt(90));
                String department = departmentFor(title[0], base[1] == 1, random);
                boolean expired = deadline.isBefore(today);
                OffsetDateTime publishedAt = published.atTime(10, random.nextInt(60)).atZone(AppClock.ZONE).toOffsetDateTime();
                positions.add(position(base[0], title, headcount, plan.code(), deadline, department,
                        expired ? "CLOSED" : "PUBLISHED", expired ? "EXPIRED" : null, publishedAt, today, random));
                recruited += headcount;
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                long[] base = approvedBases.get(random.nextInt(approvedBases.size()));
                String[] title = TITLES[random.nextInt(TITLES.length)];
                positions.add(position(base[0], title, 2 + random.nextInt(10), plan.code(), today.plusDays(40),
                        null, "SUBMITTED", null, null, today, random));
            }
        }
        LOG.infof("Demo data: %d employers, %d bases, %d positions", employers.size(), bases.size(), positions.size());
        return conn.preparedQuery("""
                        insert into employer (id, credit_code, name, region_code, industry, ownership, operating_status,
                                              established_on)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)""").executeBatch(employers)
                .flatMap(x -> categories.isEmpty() ? Uni.createFrom().item(x) : conn.preparedQuery(
                        "insert into employer_key_category (employer_id, category_code) values ($1, $2)").executeBatch(categories))
                // The districts' key-enterprise lists (Annex 3) name those employers, so the list page shows what the
                // dashboard's 其中重点企业 counts.
                .flatMap(x -> conn.query("""
                        insert into key_enterprise_entry (region_code, category_code, employer_name, credit_code, uploaded_by)
                        select e.region_code, k.category_code, e.name, e.credit_code, 'demo'
                        from employer_key_category k join employer e on e.id = k.employer_id
                        on conflict (credit_code, category_code) do nothing""").execute())
                .flatMap(x -> conn.preparedQuery("""
                        insert into base (id, employer_id, name, region_code, status, level, source, contact_name,
                                          contact_phone_enc, applied_at, decided_at, decided_by, filed_year, created_at, level_year)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $10, $14)""").executeBatch(bases))
                .flatMap(x -> conn.preparedQuery("""
                        insert into position (base_id, title, category, headcount, education, majors, description, region_code,
                                              monthly_allowance, duration_months, deadline, department_code, status, close_reason,
                                              first_published_at, published_year, submitted_at, decided_at, decided_by, closed_at,
                                              created_at, updated_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
                        """).executeBatch(positions))
                .flatMap(x -> conn.query("select setval('employer_id_seq', (select max(id) from employer))").execute())
                .flatMap(x -> conn.query("select setval('base_id_seq', (select max(id) from base))").execute())
                .replaceWithVoid();
    }

    private static Tuple position(long baseId, String[] title, int headcount, String region, LocalDate deadline,
                                  String department, String status, String closeReason, OffsetDateTime publishedAt,
                                  LocalDate today, Random random) {
        OffsetDateTime created = publishedAt != null ? publishedAt.minusDays(2)
                : today.minusDays(1).atTime(9, 0).atZone(AppClock.ZONE).toOffsetDateTime();
        OffsetDateTime closed = "CLOSED".equals(status) ? deadline.plusDays(1).atStartOfDay(AppClock.ZONE).toOffsetDateTime() : null;
        return Tuple.tuple(java.util.Arrays.asList(baseId, title[1], title[0], headcount,
                EDUCATION[random.nextInt(EDUCATION.length)], "相关专业优先",
                "协助完成" + title[1].replace("助理", "") + "相关工作，由带教老师一对一指导，按月发放基本生活费并购买意外伤害保险。",
                // Never below the seeded 2,100 yuan floor, so every demo position can be published.
                region, BigDecimal.valueOf(2100 + random.nextInt(12) * 100L), 3 + random.nextInt(10), deadline,
                department, status, closeReason, publishedAt,
                publishedAt == null ? null : publishedAt.atZoneSameInstant(AppClock.ZONE).getYear(),
                created, publishedAt, publishedAt == null ? null : "system", closed, created,
                closed != null ? closed : publishedAt != null ? publishedAt : created));
    }

    private static String departmentFor(String category, boolean stateOwned, Random random) {
        if (random.nextInt(4) != 0) {
            return null;
        }
        return switch (category) {
            case "RESEARCH" -> "KJJ";
            case "TECHNICAL" -> stateOwned ? "GZW" : "JXW";
            case "SOCIAL_SERVICE" -> "MZJ";
            default -> random.nextBoolean() ? "SWW" : "GSL";
        };
    }
}
