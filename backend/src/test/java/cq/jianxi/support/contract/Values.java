package cq.jianxi.support.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values drawn from a schema: valid ones (within every limit the contract states) and, for a valid request
 * body, the variants that break exactly one stated rule of one field. Seeded, so a failure repeats.
 */
public final class Values {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String TEXT = "见习岗位青年基地重庆万州渝中测试abcXYZ0123";
    /** Samples for the patterns the contract uses that random text would not meet. */
    private static final Map<String, List<String>> PATTERN_SAMPLES = Map.ofEntries(
            Map.entry(cq.jianxi.common.validation.Formats.USERNAME, List.of("fuzz_user", "fuzz.user@jx")),
            Map.entry(cq.jianxi.common.validation.Formats.WEB_ADDRESS, List.of("https://jianxi.example.cn/a", "http://x.cn")),
            Map.entry(cq.jianxi.common.validation.Formats.MONTH, List.of("2026-11", "2026-10", "2025-12")),
            Map.entry(cq.jianxi.common.validation.Formats.PHONE, List.of("13912345678", "023-63891234")),
            Map.entry(cq.jianxi.common.validation.Formats.CREDIT_CODE, List.of("91500101MA5U12345B", "91500103MA6C56789T", "92500000MA5UAB3CDC")),
            Map.entry(cq.jianxi.common.validation.Formats.RESIDENT_ID, List.of("500101200003151231", "50010119990721456X", "500101200111307897")),
            Map.entry("^\\d{6}$", List.of("500101", "500103")),
            Map.entry("\\d{6}", List.of("500101", "500103")),
            Map.entry("^1[3-9]\\d{9}$", List.of("13800138000", "15923456789")),
            Map.entry("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}", List.of("13912345678", "023-63891234")),
            Map.entry("^[A-Z][A-Z0-9_]{1,31}$", List.of("FUZZ_KIND", "X9")));
    private static final Pattern ALTERNATION = Pattern.compile("^\\^?\\(?([A-Z_]+(\\|[A-Z_]+)*)\\)?\\$?$");

    private final Contract contract;
    private final Random random;
    private final LocalDate today;

    public Values(Contract contract, long seed, LocalDate today) {
        this.contract = contract;
        this.random = new Random(seed);
        this.today = today;
    }

    /** A value the schema accepts. */
    public JsonNode valid(JsonNode raw) {
        return valid(raw, 0);
    }

    private JsonNode valid(JsonNode raw, int depth) {
        JsonNode schema = contract.resolve(raw);
        for (String combinator : List.of("oneOf", "anyOf")) {
            if (schema.has(combinator)) {
                for (JsonNode branch : schema.get(combinator)) {
                    if (!SchemaCheck.types(branch).equals(Set.of("null"))) {
                        return valid(branch, depth);
                    }
                }
            }
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return valid(schema.get("allOf").get(0), depth);
        }
        if (schema.has("enum")) {
            List<JsonNode> options = new ArrayList<>();
            schema.get("enum").forEach(o -> {
                if (!o.isNull()) {
                    options.add(o);
                }
            });
            return options.get(random.nextInt(options.size()));
        }
        String type = SchemaCheck.types(schema).stream().filter(t -> !t.equals("null")).findFirst()
                .orElse(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "string" -> JSON.textNode(text(schema));
            case "integer" -> JSON.numberNode(integer(schema));
            case "number" -> JSON.numberNode(Math.round(integer(schema) * 100 + random.nextInt(100)) / 100.0);
            case "boolean" -> JSON.booleanNode(random.nextBoolean());
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                int min = schema.path("minItems").asInt(0);
                int max = Math.min(schema.path("maxItems").asInt(3), Math.max(min, 3));
                int n = depth > 3 ? min : min + random.nextInt(max - min + 1);
                for (int i = 0; i < n; i++) {
                    array.add(valid(schema.path("items"), depth + 1));
                }
                yield array;
            }
            default -> object(schema, depth);
        };
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = JSON.objectNode();
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            JsonNode propertySchema = contract.resolve(property.getValue());
            if (propertySchema.path("readOnly").asBoolean(false)) {
                continue;
            }
            boolean include = required.contains(property.getKey()) || depth < 3 && random.nextInt(3) > 0;
            if (!include) {
                continue;
            }
            if (!required.contains(property.getKey()) && SchemaCheck.nullable(propertySchema) && random.nextInt(4) == 0) {
                object.putNull(property.getKey());
            } else {
                object.set(property.getKey(), valid(propertySchema, depth + 1));
            }
        }
        return object;
    }

    private String text(JsonNode schema) {
        String format = schema.path("format").asText("");
        if (format.equals("date")) {
            return today.plusDays(random.nextInt(61) - 30).toString();
        }
        if (format.equals("date-time")) {
            return today.atTime(random.nextInt(24), random.nextInt(60)).toString() + ":00+08:00";
        }
        if (schema.has("pattern")) {
            String pattern = schema.get("pattern").asText();
            List<String> samples = PATTERN_SAMPLES.get(pattern);
            if (samples != null) {
                return samples.get(random.nextInt(samples.size()));
            }
            var alternation = ALTERNATION.matcher(pattern);
            if (alternation.matches()) {
                String[] options = alternation.group(1).split("\\|");
                return options[random.nextInt(options.length)];
            }
            if (!pattern.equals("\\S")) {
                throw new IllegalStateException("no sample for the pattern " + pattern + ": add one to Values.PATTERN_SAMPLES");
            }
        }
        int min = Math.max(1, schema.path("minLength").asInt(1));
        int max = Math.max(min, Math.min(schema.path("maxLength").asInt(12), 12));
        int length = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(TEXT.charAt(random.nextInt(TEXT.length())));
        }
        return text.toString();
    }

    private long integer(JsonNode schema) {
        long min = schema.has("minimum") ? (long) Math.ceil(schema.get("minimum").asDouble()) : 0;
        long max = schema.has("maximum") ? (long) Math.floor(schema.get("maximum").asDouble()) : Math.max(min, 0) + 1000;
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
            min = Math.max(min, schema.get("exclusiveMinimum").asLong() + 1);
        }
        if (max < min) {
            max = min;
        }
        long span = Math.min(max - min, 1000);
        return min + (span <= 0 ? 0 : random.nextLong(span + 1));
    }

    /** One request variant that breaks one stated rule of one field, and the field a refusal must name. */
    public record Broken(String field, String rule, JsonNode body) {
    }

    /** For a valid object body: every variant breaking one rule of one top-level field. */
    public List<Broken> broken(JsonNode body, JsonNode raw) {
        List<Broken> variants = new ArrayList<>();
        JsonNode schema = contract.resolve(raw);
        if (!body.isObject()) {
            return variants;
        }
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String field = property.getKey();
            JsonNode s = contract.resolve(property.getValue());
            if (s.path("readOnly").asBoolean(false)) {
                continue;
            }
            if (required.contains(field)) {
                ObjectNode missing = ((ObjectNode) body).deepCopy();
                missing.remove(field);
                variants.add(new Broken(field, "required", missing));
                if (!SchemaCheck.nullable(s)) {
                    variants.add(new Broken(field, "not null", with(body, field, JSON.nullNode())));
                }
            }
            for (Map.Entry<String, JsonNode> bad : badValues(s).entrySet()) {
                variants.add(new Broken(field, bad.getKey(), with(body, field, bad.getValue())));
            }
        }
        return variants;
    }

    /** Values of the wrong kind or outside a stated limit, keyed by the rule they break. */
    public Map<String, JsonNode> badValues(JsonNode s) {
        Map<String, JsonNode> bad = new java.util.LinkedHashMap<>();
        Set<String> types = SchemaCheck.types(s);
        if (s.has("enum")) {
            bad.put("enum", JSON.textNode("NOT_AN_OPTION"));
        }
        if (types.contains("string")) {
            bad.put("type string", JSON.objectNode().put("x", 1));
            if (s.has("maxLength")) {
                bad.put("maxLength", JSON.textNode("长".repeat(s.get("maxLength").asInt() + 1)));
            }
            if (s.path("minLength").asInt(0) > 0) {
                bad.put("minLength", JSON.textNode(""));
            }
            if (s.has("pattern")) {
                bad.put("pattern", JSON.textNode(s.get("pattern").asText().equals("\\S") ? "   " : "!不符!"));
            }
            String format = s.path("format").asText("");
            if (format.equals("date") || format.equals("date-time")) {
                bad.put("format " + format, JSON.textNode("2026-02-30"));
            }
        }
        if (types.contains("integer") || types.contains("number")) {
            bad.put("type " + (types.contains("integer") ? "integer" : "number"), JSON.textNode("不是数字"));
            if (s.has("minimum")) {
                bad.put("minimum", JSON.numberNode(s.get("minimum").asLong() - 1));
            }
            if (s.has("maximum")) {
                bad.put("maximum", JSON.numberNode(s.get("maximum").asLong() + 1));
            }
        }
        if (types.contains("boolean")) {
            bad.put("type boolean", JSON.textNode("也许"));
        }
        if (types.contains("array")) {
            bad.put("type array", JSON.objectNode().put("x", 1));
            if (s.path("minItems").asInt(0) > 0) {
                bad.put("minItems", JSON.arrayNode());
            }
        }
        return bad;
    }

    private static ObjectNode with(JsonNode body, String field, JsonNode value) {
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.set(field, value);
        return copy;
    }
}
