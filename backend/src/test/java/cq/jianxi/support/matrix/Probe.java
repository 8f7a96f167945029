package cq.jianxi.support.matrix;

import io.restassured.response.Response;

import java.util.function.Function;

/**
 * How the matrix calls one operation. A scoped probe names an object (in the path, a filter or the
 * body) of the call's scope, so each caller is tried on scope A's and on scope B's; an unscoped one
 * is the same request for both. {@code shownAt} and {@code shown} say where in a 2xx answer the
 * scope's object appears (its id, or its region for per-region tables), so that a read is checked
 * to return that object and a list to include it or leave it out.
 */
public record Probe(String operationId, boolean scoped, Function<Call, Answer> send, String shownAt,
                    Function<Call, Object> shown) {

    public static Probe scoped(String operationId, Function<Call, Response> send) {
        return new Probe(operationId, true, c -> c.answer(send.apply(c)), null, null);
    }

    public static Probe unscoped(String operationId, Function<Call, Response> send) {
        return new Probe(operationId, false, c -> c.answer(send.apply(c)), null, null);
    }

    /** A probe that builds its answer itself (a stream read only to its first event). */
    public static Probe raw(String operationId, boolean scoped, Function<Call, Answer> send) {
        return new Probe(operationId, scoped, send, null, null);
    }

    /** The answer shows the scope's object {@code id} at the JSON path {@code at}. */
    public Probe shows(String at, Function<Call, Object> id) {
        return new Probe(operationId, scoped, send, at, id);
    }
}
