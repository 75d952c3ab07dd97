package com.practicalcrm.security.session;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser's HTTP session against the running test server: its own cookie jar, no redirects followed, so
 * a test sees exactly where the server sends it.
 */
public final class HttpBrowserSession {

    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public HttpBrowserSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A POST with a body of the given type, as a script of the page would send it. */
    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The current session cookie's value, or null. */
    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Replaces the session cookie, as a stolen or kept copy of an old cookie would be sent. */
    public void useSessionId(String sessionId) {
        java.net.HttpCookie cookie = new java.net.HttpCookie("JSESSIONID", sessionId);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().removeAll();
        cookies.getCookieStore().add(URI.create(base + "/"), cookie);
    }

    /** Signs in through the real form login, as the sign-in page's form does. */
    public void signIn(String email, String password) {
        String page = get("/login").body();
        String form = "username=" + encode(email) + "&password=" + encode(password);
        Matcher token = CSRF_TOKEN.matcher(page);
        if (token.find()) {
            Matcher parameter = CSRF_PARAMETER.matcher(page);
            form += "&" + (parameter.find() ? parameter.group(1) : "_csrf") + "=" + encode(token.group(1));
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("Sign-in failed: " + response.statusCode() + " " + location);
        }
    }

    /** True when the profile page is served, false when the server sends this session to sign in. */
    public boolean isSignedIn() {
        HttpResponse<String> response = get("/profile");
        if (response.statusCode() == 200) {
            return true;
        }
        if (response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login")) {
            return false;
        }
        throw new AssertionError("Unexpected answer for /profile: " + response.statusCode());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
