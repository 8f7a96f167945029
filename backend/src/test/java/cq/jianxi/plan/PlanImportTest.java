package cq.jianxi.plan;

import cq.jianxi.common.tabular.TabularFile;
import cq.jianxi.plan.service.PlanImport;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanImportTest {

    private static final String HEADER = "region_code,region,new_bases,new_bases_key_enterprises,positions,participants,policy_sessions,matching_events,typical_persons,national_nominations";
    private static final Map<String, String> TWO_REGIONS = new LinkedHashMap<>(Map.of("500101", "万州区", "500114", "黔江区"));

    private static PlanImport.Result check(String csv) throws Exception {
        return PlanImport.check(2024, TabularFile.read(csv.getBytes(StandardCharsets.UTF_8), 100), TWO_REGIONS);
    }

    @Test
    void acceptsAllRegionsWithConsistentCityRow() throws Exception {
        var result = check(HEADER + "\nCITY,全市,70,13,2500,323,8,8,2,2\n500101,万州区,40,8,1800,251,4,4,1,1\n500114,黔江区,30,5,700,72,4,4,1,1\n");
        assertTrue(result.valid(), result.violations().toString());
        assertEquals(2, result.targets().size());
    }

    @Test
    void reportsMissingColumnsOnTheHeaderRow() throws Exception {
        var result = check("region_code,new_bases\n500101,1\n");
        assertFalse(result.valid());
        assertTrue(result.violations().stream().allMatch(v -> v.row() == 1));
        assertTrue(result.violations().stream().anyMatch(v -> "positions".equals(v.column())));
    }

    @Test
    void reportsDuplicateAndUnknownRegionsAndMismatchedNames() throws Exception {
        var result = check(HEADER + "\n500101,万州区,1,0,1,1,1,1,1,1\n500101,万州区,1,0,1,1,1,1,1,1\n999999,某区,1,0,1,1,1,1,1,1\n500114,涪陵区,1,0,1,1,1,1,1,1\n");
        assertFalse(result.valid());
        assertTrue(result.violations().stream().anyMatch(v -> v.row() == 3 && v.message().contains("重复")));
        assertTrue(result.violations().stream().anyMatch(v -> v.row() == 4 && v.message().contains("未知")));
        assertTrue(result.violations().stream().anyMatch(v -> v.row() == 5 && "region".equals(v.column())));
    }

    @Test
    void refusesNominationsAboveTypicalPersons() throws Exception {
        var result = check(HEADER + "\n500101,万州区,1,0,1,1,1,1,1,2\n500114,黔江区,1,0,1,1,1,1,1,1\n");
        assertEquals(1, result.violations().size());
        assertEquals("national_nominations", result.violations().get(0).column());
    }

    @Test
    void acceptsSpreadsheetDecimalsAndThousandsSeparators() throws Exception {
        var result = check(HEADER + "\n500101,万州区,40.0,8,\"1,800\",251,4,4,1,1\n500114,黔江区,30,5,700,72,4,4,1,1\n");
        assertTrue(result.valid(), result.violations().toString());
        assertEquals(1800, result.targets().get(0).positions);
    }
}
