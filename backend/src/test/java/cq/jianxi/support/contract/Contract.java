package cq.jianxi.support.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The committed OpenAPI document read as a tree: its operations, and their schemas with references resolved. */
public final class Contract {

    public static final Path COMMITTED = Path.of("..", "openapi", "openapi.yaml");

    private final JsonNode root;

    private Contract(JsonNode root) {
        this.root = root;
    }

    public static Contract committed() {
        try {
            return of(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Contract of(String yaml) {
        try {
            return new Contract(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One operation: its id, method, path template and its node in the document. */
    public record Operation(String id, String method, String path, JsonNode node) {

        /** The statuses the operation lists (without "default"). */
        public List<Integer> statuses() {
            List<Integer> codes = new ArrayList<>();
            node.path("responses").fieldNames().forEachRemaining(c -> {
                if (c.matches("\\d{3}")) {
                    codes.add(Integer.parseInt(c));
                }
            });
            return codes;
        }

        public List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            node.path("parameters").forEach(p -> {
                if (in.equals(p.path("in").asText())) {
                    found.add(p);
                }
            });
            return found;
        }

        @Override
        public String toString() {
            return id + " (" + method + " " + path + ")";
        }
    }

    public Map<String, Operation> operations() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext(); ) {
                Map.Entry<String, JsonNode> op = m.next();
                JsonNode id = op.getValue().get("operationId");
                if (id != null) {
                    ops.put(id.asText(), new Operation(id.asText(), op.getKey().toUpperCase(), path.getKey(), op.getValue()));
                }
            }
        }
        return ops;
    }

    /** The schema with its $ref followed; the referring node's own keywords (description, type) are kept beside it. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; current != null && current.has("$ref"); depth++) {
            if (depth > 20) {
                throw new IllegalStateException("reference loop at " + schema);
            }
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/components/schemas/")) {
                throw new IllegalStateException("unsupported reference " + ref);
            }
            JsonNode target = root.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
            if (target.isMissingNode()) {
                throw new IllegalStateException("dangling reference " + ref);
            }
            ObjectNode merged = ((ObjectNode) target).deepCopy();
            current.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("$ref") && !merged.has(e.getKey())) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            current = merged;
        }
        return current;
    }

    /** The request body's schema for a media type, or null when the operation takes no such body. */
    public JsonNode requestSchema(Operation op, String mediaType) {
        JsonNode schema = op.node().path("requestBody").path("content").path(mediaType).path("schema");
        return schema.isMissingNode() ? null : resolve(schema);
    }

    /** The media types the operation's request body may have. */
    public List<String> requestMediaTypes(Operation op) {
        List<String> types = new ArrayList<>();
        op.node().path("requestBody").path("content").fieldNames().forEachRemaining(types::add);
        return types;
    }

    public boolean requestBodyRequired(Operation op) {
        return op.node().path("requestBody").path("required").asBoolean(false);
    }

    /** The response node documented for a status, or null when the status is not listed. */
    public JsonNode response(Operation op, int status) {
        JsonNode response = op.node().path("responses").path(String.valueOf(status));
        return response.isMissingNode() ? null : response;
    }

    /** The schema of a documented response in a media type (null: none documented for it). */
    public JsonNode responseSchema(Operation op, int status, String mediaType) {
        JsonNode response = response(op, status);
        if (response == null) {
            return null;
        }
        JsonNode schema = response.path("content").path(mediaType).path("schema");
        return schema.isMissingNode() ? null : resolve(schema);
    }

    public List<String> responseMediaTypes(Operation op, int status) {
        List<String> types = new ArrayList<>();
        JsonNode response = response(op, status);
        if (response != null) {
            response.path("content").fieldNames().forEachRemaining(types::add);
        }
        return types;
    }
}
