package com.practicalcrm.deployment;

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

/** One browser's HTTP session with one instance: its own cookies, redirects not followed. */
final class Visitor {

    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Visitor(JarProcess instance) {
        this.base = instance.baseUrl();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts the sign-in form as the sign-in page does; returns where the server sends the browser. */
    String signIn(String email, String password) {
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
        if (response.statusCode() != 302) {
            throw new AssertionError("Sign-in form answered " + response.statusCode());
        }
        return response.headers().firstValue("Location").orElse("");
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
