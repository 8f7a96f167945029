package cq.jianxi.platform;

import cq.jianxi.common.architecture.OwnsTables;
import cq.jianxi.platform.architecture.JavaStrings;
import cq.jianxi.platform.architecture.TableReferences;
import cq.jianxi.platform.architecture.TableReferences.Reference;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every table has exactly one owning context, and no context's query strings name a table (or, in HQL, an
 * entity) another context owns — the dependency ArchUnit cannot see (docs/adr/0019-contexts-own-their-tables.md).
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path CONTEXTS = SOURCES.resolve(Path.of("cq", "jianxi"));
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern ENTITY = Pattern.compile("@Entity\\b[\\s\\S]*?\\bclass\\s+([A-Z][A-Za-z0-9]*)");

    /** Where reaching every context's tables is the point: seeding the demo and verifying the chain offline. */
    private static final List<String> EXEMPT = List.of(
            "platform/demo/",
            "platform/launch/AuditVerifyCommand.java");

    /** The one read model for cross-context report reads: it may read any table, but writes none of theirs. */
    private static final String READ_MODEL = "report/readmodel/";

    /**
     * Reference data every context may join but only its owner writes (ADR 0019): the 41 districts change by
     * a migration, not at run time, and a sharded deployment replicates them to every node.
     */
    private static final Set<String> REFERENCE_TABLES = Set.of("region", "Region");

    /**
     * Known crossings not yet moved to the owner's service, as file -> tables. It may only shrink: an entry
     * that no longer crosses fails the test, so fixing a site means deleting its line.
     */
    private static final Map<String, Set<String>> NOT_YET_MOVED = Map.ofEntries(
            Map.entry("evaluation/repository/EvaluationStore.java", Set.of("base")),
            Map.entry("history/service/HistoryImportService.java", Set.of("base", "employer", "internship", "position")),
            Map.entry("internship/service/InternshipAccess.java", Set.of("Base", "Position", "Youth")),
            Map.entry("internship/service/AgreementService.java", Set.of("base", "position", "youth")),
            Map.entry("matching/service/MatchingService.java", Set.of("application", "position")),
            Map.entry("position/repository/PositionQueries.java", Set.of("Base", "Employer")),
            Map.entry("position/domain/OpenToYouth.java", Set.of("base")),
            Map.entry("privacy/readmodel/PersonalDataReadModel.java", Set.of("activity", "activity_signup", "application", "audit_event", "base", "disbursement", "internship", "internship_follow_up", "internship_month", "notification", "position", "service_record", "subsidy_claim", "user_account", "youth")),
            Map.entry("quality/service/DisqualificationRules.java", Set.of("base", "employer", "internship")),
            Map.entry("quality/service/TypicalPersonService.java", Set.of("base", "internship", "youth")),
            Map.entry("subsidy/service/SubsidyService.java", Set.of("internship", "Base", "Internship", "Youth")));

    @Test
    void everyTableCreatedByAMigrationHasExactlyOneOwningContext() {
        Set<String> created = createdTables();
        Map<String, List<String>> owners = declaredOwners();
        List<String> problems = new ArrayList<>();
        for (String table : created) {
            List<String> contexts = owners.getOrDefault(table, List.of());
            if (contexts.size() != 1) {
                problems.add(table + " is owned by " + (contexts.isEmpty() ? "no context" : contexts));
            }
        }
        for (String table : owners.keySet()) {
            if (!created.contains(table)) {
                problems.add(table + " is claimed by " + owners.get(table) + " but no migration creates it");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noQueryStringNamesATableAnotherContextOwns() {
        Map<String, Set<String>> crossings = crossings(CONTEXTS, scanner());
        Map<String, Set<String>> unexpected = new TreeMap<>();
        crossings.forEach((file, tables) -> {
            Set<String> extra = new TreeSet<>(tables);
            extra.removeAll(NOT_YET_MOVED.getOrDefault(file, Set.of()));
            if (!extra.isEmpty()) {
                unexpected.put(file, extra);
            }
        });
        assertEquals(Map.of(), unexpected,
                "these files name tables other contexts own; go through the owner's service (ADR 0019)");
    }

    @Test
    void theAllowlistOfCrossingsOnlyShrinks() {
        Map<String, Set<String>> crossings = crossings(CONTEXTS, scanner());
        Map<String, Set<String>> stale = new TreeMap<>();
        NOT_YET_MOVED.forEach((file, tables) -> {
            Set<String> gone = new TreeSet<>(tables);
            gone.removeAll(crossings.getOrDefault(file, Set.of()));
            if (!gone.isEmpty()) {
                stale.put(file, gone);
            }
        });
        assertEquals(Map.of(), stale, "these crossings are gone: delete them from NOT_YET_MOVED");
    }

    @Test
    void aContextUpdatingAnotherContextsTableIsCaught(@org.junit.jupiter.api.io.TempDir Path root) throws IOException {
        Path file = root.resolve(Path.of("application", "service", "SeatTaker.java"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package cq.jianxi.application.service;
                class SeatTaker {
                    // "update application" in a comment is not a query
                    String take = \"""
                            update position set seats_taken = seats_taken + 1 where id = :id
                            \""";
                    String own = "select id from application where youth_id = :y";
                    String hql = "select a from Application a join Youth y on y.id = a.youthId";
                    String oldStyle = "select a, p.title from Application a, Position p, Base b where p.id = a.positionId";
                }
                """);

        Map<String, Set<String>> crossings = crossings(root, scanner());

        assertEquals(Map.of("application/service/SeatTaker.java", Set.of("position", "Youth", "Position", "Base")),
                crossings);
    }

    @Test
    void theReadModelMayReadButNotWriteOtherContextsTables(@org.junit.jupiter.api.io.TempDir Path root)
            throws IOException {
        Path file = root.resolve(Path.of("report", "readmodel", "Figures.java"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package cq.jianxi.report.readmodel;
                class Figures {
                    String read = "select count(*) from internship i join position p on p.id = i.position_id";
                    String write = "update youth set current_status = 'EMPLOYED'";
                }
                """);

        assertEquals(Map.of("report/readmodel/Figures.java", Set.of("youth")), crossings(root, scanner()));
    }

    @Test
    void anyContextMayJoinTheRegionsButOnlyTheirOwnerWritesThem(@org.junit.jupiter.api.io.TempDir Path root)
            throws IOException {
        Path file = root.resolve(Path.of("subsidy", "service", "Funds.java"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                package cq.jianxi.subsidy.service;
                class Funds {
                    String read = "select r.name from subsidy_claim c join region r on r.code = c.region_code";
                    String write = "update region set name = :n where code = :c";
                }
                """);

        assertEquals(Map.of("subsidy/service/Funds.java", Set.of("region")), crossings(root, scanner()));
    }

    private static TableReferences scanner() {
        Map<String, String> tables = new TreeMap<>();
        declaredOwners().forEach((table, contexts) -> tables.put(table, contexts.get(0)));
        return new TableReferences(tables, entityOwners());
    }

    /** File (relative to the context root) -> foreign tables or entities its strings name. */
    private static Map<String, Set<String>> crossings(Path root, TableReferences references) {
        Map<String, Set<String>> crossings = new TreeMap<>();
        for (Path file : javaFiles(root)) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            if (EXEMPT.stream().anyMatch(relative::startsWith)) {
                continue;
            }
            String context = relative.substring(0, relative.indexOf('/'));
            boolean readModel = relative.startsWith(READ_MODEL);
            for (String string : JavaStrings.of(read(file))) {
                for (Reference reference : references.in(string)) {
                    boolean allowed = reference.owner().equals(context)
                            || (!reference.write() && (readModel || REFERENCE_TABLES.contains(reference.name())));
                    if (!allowed) {
                        crossings.computeIfAbsent(relative, k -> new TreeSet<>()).add(reference.name());
                    }
                }
            }
        }
        return crossings;
    }

    private static Set<String> createdTables() {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATE_TABLE.matcher(read(file));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(tables.size() > 10, "migrations not found under " + MIGRATIONS.toAbsolutePath());
        return tables;
    }

    /** Table -> the contexts whose package-info claims it. */
    private static Map<String, List<String>> declaredOwners() {
        Map<String, List<String>> owners = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(CONTEXTS)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String context = dir.getFileName().toString();
                if (!Files.exists(dir.resolve("package-info.java"))) {
                    continue;
                }
                OwnsTables owns = Class.forName("cq.jianxi." + context + ".package-info")
                        .getAnnotation(OwnsTables.class);
                if (owns == null) {
                    continue;
                }
                for (String table : owns.value()) {
                    owners.computeIfAbsent(table, k -> new ArrayList<>()).add(context);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return owners;
    }

    /** Entity simple name -> its context, for HQL that names entities rather than tables. */
    private static Map<String, String> entityOwners() {
        Map<String, String> owners = new TreeMap<>();
        for (Path file : javaFiles(CONTEXTS)) {
            Matcher m = ENTITY.matcher(read(file));
            if (m.find()) {
                owners.put(m.group(1), CONTEXTS.relativize(file).getName(0).toString());
            }
        }
        return owners;
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
