package cq.jianxi.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import cq.jianxi.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed contract (openapi/openapi.yaml) is what the backend publishes; `make openapi` refreshes it. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class OpenApiContractTest {

    private static final Path COMMITTED = Path.of("..", "openapi", "openapi.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static String published() {
        return RestAssured.given().queryParam("format", "yaml").get("/q/openapi")
                .then().statusCode(200).extract().asString();
    }

    @Test
    void committedContractMatchesThePublishedSpec() throws Exception {
        String published = published();
        if (Boolean.getBoolean("jianxi.openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, published, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(COMMITTED), "openapi/openapi.yaml is missing: run `make openapi`");
        JsonNode committed = YAML.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        assertEquals(committed, YAML.readTree(published),
                "openapi/openapi.yaml differs from what the backend publishes: run `make openapi` and commit it");
    }

    @Test
    void everyOperationHasASummaryAndAChineseDescription() throws Exception {
        JsonNode paths = YAML.readTree(published()).get("paths");
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                JsonNode summary = op.getValue().get("summary");
                JsonNode description = op.getValue().get("description");
                if (summary == null || description == null || !description.asText().codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff)) {
                    missing.add(op.getKey() + " " + path.getKey());
                }
                if (op.getValue().path("responses").get("default") == null) {
                    missing.add(op.getKey() + " " + path.getKey() + " (no problem+json default response)");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everySchemaFieldHasADescription() throws Exception {
        JsonNode schemas = YAML.readTree(published()).path("components").path("schemas");
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> props = schema.getValue().path("properties").fields(); props.hasNext(); ) {
                Map.Entry<String, JsonNode> prop = props.next();
                if (prop.getValue().get("description") == null) {
                    missing.add(schema.getKey() + "." + prop.getKey());
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void documentsTheStatusesTheEndpointsReallyReturn() throws Exception {
        JsonNode paths = YAML.readTree(published()).get("paths");
        Map<String, String> expected = Map.of(
                "/api/positions", "201", "/api/bases/applications", "201", "/api/youth/register", "202",
                "/api/applications", "201", "/api/subsidy-claims", "201", "/api/imports/graduates", "202",
                "/api/auth/logout", "204");
        List<String> wrong = new ArrayList<>();
        expected.forEach((path, status) -> {
            JsonNode responses = paths.path(path).path("post").path("responses");
            if (responses.get(status) == null || responses.get("200") != null) {
                wrong.add(path + " documents " + responses.fieldNames().next());
            }
        });
        assertEquals(List.of(), wrong);
    }
}
