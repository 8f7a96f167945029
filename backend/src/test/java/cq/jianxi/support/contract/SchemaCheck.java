package cq.jianxi.support.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a JSON value against an OpenAPI 3.1 schema (the subset the contract uses: type lists with "null",
 * enum, required, properties, additionalProperties, items, allOf/anyOf/oneOf, string length, pattern, formats
 * date and date-time, numeric bounds, array sizes). Returns every mismatch with the JSON path it is at.
 */
public final class SchemaCheck {

    private final Contract contract;

    public SchemaCheck(Contract contract) {
        this.contract = contract;
    }

    public List<String> check(JsonNode value, JsonNode schema) {
        List<String> errors = new ArrayList<>();
        check(value, schema, "$", errors);
        return errors;
    }

    /** The types a schema allows, "null" included when it is nullable; empty when it says no type. */
    public static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        if (schema.path("nullable").asBoolean(false)) {
            types.add("null");
        }
        return types;
    }

    public static boolean nullable(JsonNode schema) {
        if (types(schema).contains("null")) {
            return true;
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            for (JsonNode branch : schema.path(combinator)) {
                if (types(branch).contains("null")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void check(JsonNode value, JsonNode raw, String at, List<String> errors) {
        if (raw == null || raw.isMissingNode()) {
            return;
        }
        JsonNode schema = contract.resolve(raw);
        for (JsonNode part : schema.path("allOf")) {
            check(value, part, at, errors);
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (schema.has(combinator)) {
                boolean any = false;
                for (JsonNode branch : schema.get(combinator)) {
                    if (check(value, branch).isEmpty()) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    errors.add(at + ": matches no branch of " + combinator);
                }
            }
        }
        Set<String> types = types(schema);
        if (value == null || value.isNull() || value.isMissingNode()) {
            if (!types.isEmpty() && !types.contains("null")) {
                errors.add(at + ": null where the contract says " + types);
            }
            return;
        }
        if (!types.isEmpty() && types.stream().noneMatch(t -> is(value, t))) {
            errors.add(at + ": " + kind(value) + " where the contract says " + types);
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.equals(value) || option.isTextual() && value.isTextual() && option.asText().equals(value.asText());
            }
            if (!listed) {
                errors.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isTextual()) {
            text(value.asText(), schema, at, errors);
        }
        if (value.isNumber()) {
            number(value, schema, at, errors);
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                errors.add(at + ": fewer than " + schema.get("minItems") + " items");
            }
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                errors.add(at + ": more than " + schema.get("maxItems") + " items");
            }
            int i = 0;
            for (JsonNode item : value) {
                check(item, schema.path("items"), at + "[" + i++ + "]", errors);
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    errors.add(at + "." + required.asText() + ": required but absent");
                }
            }
            JsonNode properties = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (properties.has(field.getKey())) {
                    check(field.getValue(), properties.get(field.getKey()), at + "." + field.getKey(), errors);
                } else if (schema.path("additionalProperties").isObject()) {
                    check(field.getValue(), schema.get("additionalProperties"), at + "." + field.getKey(), errors);
                } else if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
                    errors.add(at + "." + field.getKey() + ": not a property of the schema");
                }
            }
        }
    }

    private static void text(String text, JsonNode schema, String at, List<String> errors) {
        int length = text.codePointCount(0, text.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            errors.add(at + ": shorter than " + schema.get("minLength"));
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            errors.add(at + ": longer than " + schema.get("maxLength"));
        }
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
            errors.add(at + ": \"" + text + "\" does not match " + schema.get("pattern").asText());
        }
        String format = schema.path("format").asText("");
        try {
            if (format.equals("date")) {
                LocalDate.parse(text);
            } else if (format.equals("date-time")) {
                try {
                    OffsetDateTime.parse(text);
                } catch (DateTimeParseException local) {
                    LocalDateTime.parse(text);
                }
            }
        } catch (DateTimeParseException e) {
            errors.add(at + ": \"" + text + "\" is not a " + format);
        }
    }

    private static void number(JsonNode value, JsonNode schema, String at, List<String> errors) {
        double v = value.asDouble();
        if (schema.has("minimum") && v < schema.get("minimum").asDouble()) {
            errors.add(at + ": " + value + " below the minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && v > schema.get("maximum").asDouble()) {
            errors.add(at + ": " + value + " above the maximum " + schema.get("maximum"));
        }
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber() && v <= schema.get("exclusiveMinimum").asDouble()) {
            errors.add(at + ": " + value + " not above " + schema.get("exclusiveMinimum"));
        }
    }

    private static boolean is(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber() || value.isNumber() && value.asDouble() == Math.rint(value.asDouble());
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase();
    }
}
