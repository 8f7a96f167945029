package cq.jianxi.platform.web;

import cq.jianxi.common.problem.ApiProblem;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * Converts typed parameters so that a value the contract does not allow is a 400 naming the parameter:
 * JAX-RS answers 404 for a query parameter it cannot convert, and reads "maybe" as false for a boolean.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        Function<String, ?> parse;
        String expected;
        if (rawType == int.class || rawType == Integer.class) {
            parse = v -> Integer.valueOf(v.trim());
            expected = "整数";
        } else if (rawType == long.class || rawType == Long.class) {
            parse = v -> Long.valueOf(v.trim());
            expected = "整数";
        } else if (rawType == boolean.class || rawType == Boolean.class) {
            parse = ParameterConverters::bool;
            expected = "true 或 false";
        } else if (rawType == LocalDate.class) {
            parse = v -> LocalDate.parse(v.trim());
            expected = "日期（YYYY-MM-DD）";
        } else if (rawType == YearMonth.class) {
            parse = v -> YearMonth.parse(v.trim());
            expected = "月份（YYYY-MM）";
        } else if (rawType == OffsetDateTime.class) {
            parse = v -> OffsetDateTime.parse(v.trim());
            expected = "带时区的时间（ISO 8601）";
        } else if (rawType == LocalDateTime.class) {
            parse = v -> LocalDateTime.parse(v.trim());
            expected = "时间（ISO 8601）";
        } else if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            parse = v -> Enum.valueOf(type, v.trim());
            expected = "以下取值之一：" + String.join("、", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
        } else {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return (T) parse.apply(value);
                } catch (RuntimeException e) {
                    String message = "参数 " + name + " 应为" + expected;
                    throw new WebApplicationException(ApiProblem.invalidField(name, message), 400);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static Boolean bool(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static String name(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof FormParam f) {
                return f.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
        }
        return null;
    }
}
