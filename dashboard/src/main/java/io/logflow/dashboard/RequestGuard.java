package io.logflow.dashboard;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What every request passes before a handler: security headers; on a loopback-only dashboard, a
 * Host header that names loopback (a page on another site cannot reach it by rebinding its own name
 * to 127.0.0.1); with an access token, the token from an {@code Authorization: Bearer} header or a
 * cookie. {@code /?token=} is accepted once, answered with the cookie and a redirect to {@code /},
 * so the token leaves the address bar, the history and every later URL.
 */
final class RequestGuard {

    static final String COOKIE = "logflow_dashboard_token";

    private static final Map<String, String> HEADERS =
            Map.of(
                    // Scripts, styles and data from the dashboard itself only; no inline script,
                    // no framing, no form posts elsewhere.
                    "Content-Security-Policy",
                    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                            + " connect-src 'self'; font-src 'self'; base-uri 'none';"
                            + " form-action 'none'; frame-ancestors 'none'",
                    "X-Content-Type-Options",
                    "nosniff",
                    "X-Frame-Options",
                    "DENY",
                    "Referrer-Policy",
                    "no-referrer");

    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    private final String token;

    /** {@code token} null: the dashboard is bound to loopback and has no token. */
    RequestGuard(String token) {
        this.token = token;
    }

    /** Before every request. */
    void before(Context ctx) {
        HEADERS.forEach(ctx::header);
        if (token == null) {
            String host = hostName(ctx.header("Host"));
            if (!LOOPBACK_NAMES.contains(host)) {
                ctx.status(HttpStatus.FORBIDDEN);
                ctx.result(
                        "This dashboard answers to 127.0.0.1 and localhost only, not to '"
                                + host
                                + "'");
                ctx.skipRemainingHandlers();
            }
            return;
        }
        String fromUrl = ctx.queryParam("token");
        if (ctx.path().equals("/") && fromUrl != null) {
            if (!matches(fromUrl)) {
                denied(ctx);
                return;
            }
            ctx.header(
                    "Set-Cookie",
                    COOKIE
                            + "="
                            + URLEncoder.encode(token, StandardCharsets.UTF_8)
                            + "; Path=/; HttpOnly; SameSite=Strict");
            ctx.redirect(withoutToken(ctx), HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
        }
    }

    /** Before every API request and the event stream. */
    void authorize(Context ctx) {
        if (token == null) {
            return;
        }
        String header = ctx.header("Authorization");
        String cookie = ctx.cookie(COOKIE);
        // Never from the URL: an API address with a token ends up in logs and histories.
        String given =
                header != null && header.startsWith("Bearer ")
                        ? header.substring(7)
                        : cookie != null ? URLDecoder.decode(cookie, StandardCharsets.UTF_8) : null;
        if (given == null || !matches(given)) {
            denied(ctx);
        }
    }

    /** The same page and query, the token left out. */
    private static String withoutToken(Context ctx) {
        StringBuilder query = new StringBuilder();
        ctx.queryParamMap()
                .forEach(
                        (name, values) -> {
                            if (!name.equals("token")) {
                                for (String v : values) {
                                    query.append(query.length() == 0 ? '?' : '&')
                                            .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                                            .append('=')
                                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                                }
                            }
                        });
        return "/" + query;
    }

    private boolean matches(String given) {
        return MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static void denied(Context ctx) {
        ctx.status(HttpStatus.UNAUTHORIZED);
        ctx.json(
                Map.of(
                        "error",
                        "Missing or wrong access token: open the dashboard as /?token=<token>"));
        ctx.skipRemainingHandlers();
    }

    /** The name in a Host header, without its port, lower case; "" when there is none. */
    static String hostName(String host) {
        if (host == null) {
            return "";
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }
}
