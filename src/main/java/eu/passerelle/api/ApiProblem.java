package eu.passerelle.api;

/**
 * An RFC 9457 problem the client caused or can act on. {@code param} names the offending parameter, so a
 * caller sees which one to fix.
 */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final String title;
    private final String param;

    public ApiProblem(int status, String title, String detail, String param) {
        super(detail);
        this.status = status;
        this.title = title;
        this.param = param;
    }

    public static ApiProblem badParameter(String param, String detail) {
        return new ApiProblem(400, "Bad parameter: " + param, detail, param);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String param() {
        return param;
    }
}
