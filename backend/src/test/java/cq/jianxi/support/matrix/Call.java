package cq.jianxi.support.matrix;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URI;

/**
 * One cell of the matrix being tried: who calls, on which scope's object, and whether the row expects
 * the call to succeed (then the probe hands it an object of its own to change, so that the shared
 * objects keep the state the refusals are tried on).
 */
public final class Call {

    public final Actor actor;
    /** The scope whose object the request names. */
    public final Scope s;
    public final boolean succeeds;
    final MatrixFixture fx;
    private String sent = "(no request)";
    private Sent request;

    /** What the probe last sent, kept so the contract fuzz test can vary it. */
    public record Sent(String method, String uri, String contentType, Object body, boolean multipart, String authorization) {
    }

    Call(MatrixFixture fx, Actor actor, Scope s, boolean succeeds) {
        this.fx = fx;
        this.actor = actor;
        this.s = s;
        this.succeeds = succeeds;
    }

    public MatrixFixture fx() {
        return fx;
    }

    /** True on the caller's own scope (A), false on the other scope (B). */
    public boolean own() {
        return s == fx.a;
    }

    /** A request as the caller, with its cached token (none for ANON). */
    public RequestSpecification spec() {
        return with(actor == Actor.ANON ? null : fx.token(actor));
    }

    /** A request with the given bearer token (null: none), recorded for the failure message. */
    public RequestSpecification with(String token) {
        Filter record = (request, response, ctx) -> {
            URI uri = URI.create(request.getURI());
            sent = request.getMethod() + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            this.request = new Sent(request.getMethod(), request.getURI(), request.getContentType(), request.getBody(),
                    !request.getMultiPartParams().isEmpty(), request.getHeaders().getValue("Authorization"));
            return ctx.next(request, response);
        };
        RequestSpecification spec = RestAssured.given().filter(record);
        return token == null ? spec : spec.auth().oauth2(token);
    }

    public RequestSpecification json(Object body) {
        return spec().contentType(ContentType.JSON).body(body);
    }

    Answer answer(Response response) {
        return Answer.of(sent, response);
    }

    /** The last request the probe sent through {@link #with}, or null when it sent none that way. */
    public Sent lastRequest() {
        return request;
    }

    void sent(String request) {
        sent = request;
    }

    @Override
    public String toString() {
        return actor + " on " + s + (succeeds ? " (fresh object)" : "");
    }
}
