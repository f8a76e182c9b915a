package eu.passerelle.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals — requests it will not hand to Javalin: a NUL or bad UTF-8 in the path, an address
 * over the limit (414), headers over the limit (431) — as the same application/problem+json as every other
 * error, instead of Jetty's HTML page. Jetty's message is not shown: it is in HTTP's terms, sometimes a
 * Java exception's; the detail says what the caller can change.
 */
final class JettyProblems extends ErrorHandler {
    /** Jetty writes error bodies for GET, POST and HEAD only; a refused PUT or DELETE deserves one too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause, Callback callback)
            throws IOException {
        String detail = switch (status) {
            case 400 -> "The request could not be read: the address or a header holds a character HTTP does not allow (a control character, "
                    + "a malformed %-escape, bytes that are not UTF-8).";
            case 404 -> "No resource at this address.";
            case 405 -> "This method is not allowed here.";
            case 413 -> "The request body is too large.";
            case 414, 431 -> Problems.limitDetail(status);
            default -> status >= 500 ? "The service failed to answer." : Problems.titleOf(status) + ".";
        };
        // The path only when Jetty could parse one: a refused request line has none worth echoing.
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        String body = Problems.body(status, Problems.titleOf(status), detail, null, status == 400 || status == 414 ? null : path);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE + ";charset=utf-8");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
