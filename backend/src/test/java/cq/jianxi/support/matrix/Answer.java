package cq.jianxi.support.matrix;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.util.List;

/** What the server answered to one matrix request, and the request it answered. */
public record Answer(String request, int status, String contentType, String body) {

    static Answer of(String request, Response response) {
        return new Answer(request, response.statusCode(), response.contentType(), response.asString());
    }

    /** The values at a JSON path as text (one value or a list of them); empty when the body is no JSON. */
    public List<String> values(String path) {
        Object found;
        try {
            found = JsonPath.from(body).get(path);
        } catch (RuntimeException notJson) {
            return List.of();
        }
        if (found == null) {
            return List.of();
        }
        if (found instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(found));
    }

    /** The request and the start of the answer, for failure messages. */
    public String describe() {
        String text = body == null ? "" : body.replaceAll("\\s+", " ");
        return request + " → " + status + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
}
