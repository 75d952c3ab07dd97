package com.practicalcrm;

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
    private static final Pattern VAADIN_SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern VAADIN_UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern CSRF_PARAMETER = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    /**
     * What Chromium's Vaadin client adds to its init request (screen, window, time zone, theme, ...); without it
     * the server asks for these details in a later round trip of its own.
     */
    private static final String BROWSER_DETAILS = "&v-sh=900&v-sw=1280&v-wh=757&v-ww=1280&v-bh=757&v-bw=1280"
            + "&v-curdate=1796050613365&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-wn=v-0.5&v-td=false"
            + "&v-pr=1&v-np=Linux%20x86_64&v-cs=light%20dark&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN"
            + "&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=UNSUPPORTED&v-wla=SUPPORTED&v-ws=false";

    /** A script that dispatches an event on an element at once: {@code [{"@v-node":n},"...dispatchEvent(...)"]}. */
    private static final Pattern DISPATCHED_EVENT = Pattern.compile("\\[\\{\"@v-node\":(\\d+)\\},\"[^\"]*?"
            + "this\\.dispatchEvent\\(new CustomEvent\\('([\\w-]+)'\\)\\)");
    /** A script whose result the server awaits: its success and failure channels, then the script. */
    private static final Pattern AWAITED_SCRIPT = Pattern.compile("\\{\"@v-return\":\\[(\\d+),(\\d+)\\]\\},"
            + "\\{\"@v-return\":\\[\\d+,\\d+\\]\\},\"((?:[^\"\\\\]|\\\\.)*)\"\\]");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");
    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\":(\\d+)");

    private final String base;
    /** The Vaadin UI last opened by {@link #vaadinView}, and the state its client keeps. */
    private String uiId;
    private String securityKey;
    private final StringBuilder uiChanges = new StringBuilder();
    /** The answer to the last UIDL request, where the client finds what to send next by itself. */
    private String lastAnswer = "";
    /** Told of every UIDL round trip: its answer and how long it took (nanoseconds), for load tests. */
    private java.util.function.BiConsumer<HttpResponse<String>, Long> roundTrips = (answer, nanos) -> { };
    private String syncId = "0";
    private String clientId = "0";
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    /** Whether {@link #client} serves other sessions too, so this one sends and keeps its cookies itself. */
    private final boolean sharedClient;

    public HttpBrowserSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.sharedClient = false;
    }

    /**
     * A session over a client that many sessions share (see {@link #sharedClient()}), for load tests: one
     * {@code HttpClient} per simulated user would give each its own selector thread, and a hundred of them cost the
     * machine more than the users' requests. Each session still has its own cookies.
     */
    public HttpBrowserSession(int port, HttpClient shared) {
        this.base = "http://localhost:" + port;
        this.client = shared;
        this.sharedClient = true;
    }

    /** A client for {@link #HttpBrowserSession(int, HttpClient)}: no redirects followed, no cookies of its own. */
    public static HttpClient sharedClient() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A POST with a body of the given type, as a script of the page would send it. */
    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST with a body of the given type and extra headers (name, value, name, value, ...). */
    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /**
     * The CSRF header name and token of this session, as a page's script sends them (from the {@code _csrf_header}
     * and {@code _csrf} meta tags of {@code page}); fails if the page has none.
     */
    public String[] csrfHeader(String page) {
        String html = get(page).body();
        Matcher token = CSRF_TOKEN.matcher(html);
        Matcher header = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"").matcher(html);
        if (!token.find() || !header.find()) {
            throw new AssertionError("The page " + page + " carries no CSRF token");
        }
        return new String[] {header.group(1), token.group(1)};
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

    /** Drops the session cookie only (other cookies stay), as a browser does when it is closed. */
    public void forgetSession() {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).toList()
                .forEach(c -> cookies.getCookieStore().remove(URI.create(base + "/"), c));
    }

    /** The value of the cookie called {@code name}, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Sets a cookie, as a copied or forged one would be sent. */
    public void setCookie(String name, String value) {
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base + "/"), cookie);
    }

    /**
     * Posts the code form of the second sign-in step, with the CSRF token that the code page gives this session,
     * ticking "Remember this browser for 30 days" when {@code rememberBrowser}.
     */
    public HttpResponse<String> postCode(String code, boolean rememberBrowser) {
        String page = get("/login/code").body();
        Matcher token = CSRF_TOKEN.matcher(page);
        Matcher parameter = CSRF_PARAMETER.matcher(page);
        if (!token.find() || !parameter.find()) {
            throw new AssertionError("The code page carries no CSRF token");
        }
        String form = "code=" + encode(code) + (rememberBrowser ? "&remember-browser=on" : "") + "&"
                + parameter.group(1) + "=" + encode(token.group(1));
        return post("/login/code", "application/x-www-form-urlencoded", form);
    }

    /** Signs in through the real form login, as the sign-in page's form does. */
    public void signIn(String email, String password) {
        HttpResponse<String> response = postSignIn(email, password);
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("Sign-in failed: " + response.statusCode() + " " + location);
        }
    }

    /**
     * Posts the sign-in form (with the CSRF token of the sign-in page) and returns the answer as it is, e.g. a
     * redirect to {@code /login?error} for a wrong password.
     */
    public HttpResponse<String> postSignIn(String email, String password) {
        return postSignIn(email, password, signInPageCsrfToken());
    }

    /**
     * The CSRF parameter and token that the sign-in page gives this session (as {@code name=value}), read from the
     * meta tags that {@code vaadin-login-form} copies into its form; fails if the page has none.
     */
    public String signInPageCsrfToken() {
        String page = get("/login").body();
        Matcher token = CSRF_TOKEN.matcher(page);
        Matcher parameter = CSRF_PARAMETER.matcher(page);
        if (!token.find() || !parameter.find()) {
            throw new AssertionError("The sign-in page carries no CSRF token");
        }
        return parameter.group(1) + "=" + encode(token.group(1));
    }

    /** Posts the sign-in form with the given {@code name=value} CSRF field, or none when {@code csrfField} is null. */
    public HttpResponse<String> postSignIn(String email, String password, String csrfField) {
        String form = "username=" + encode(email) + "&password=" + encode(password);
        if (csrfField != null) {
            form += "&" + csrfField;
        }
        return send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /**
     * What the browser's Vaadin client receives when it opens {@code route} (e.g. "login?error"), as its client
     * would fetch it: the bootstrap page, the UI's init request, then the navigation event whose answer carries
     * the view's texts (Vaadin's UIDL, JSON). Returns that answer, to look for texts in.
     */
    public String vaadinView(String route) {
        HttpResponse<String> page = get("/" + route);
        if (page.statusCode() != 200) {
            throw new AssertionError("/" + route + " answered " + page.statusCode());
        }
        int query = route.indexOf('?');
        String path = query < 0 ? route : route.substring(0, query);
        String search = query < 0 ? "" : route.substring(query + 1);
        HttpResponse<String> init = get("/?v-r=init&location=" + encode(path) + "&query=" + encode(search)
                + BROWSER_DETAILS);
        Matcher securityKey = VAADIN_SECURITY_KEY.matcher(init.body());
        Matcher uiId = VAADIN_UI_ID.matcher(init.body());
        if (init.statusCode() != 200 || !securityKey.find() || !uiId.find()) {
            throw new AssertionError("Vaadin init for " + route + " answered " + init.statusCode() + ": " + init.body());
        }
        String navigate = "{\"csrfToken\":\"" + securityKey.group(1) + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + path + "\",\"query\":\"" + search + "\","
                + "\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],"
                + "\"syncId\":0,\"clientId\":0}";
        HttpResponse<String> view = send(HttpRequest.newBuilder(
                        URI.create(base + "/?v-r=uidl&v-uiId=" + uiId.group(1)))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(navigate)));
        if (view.statusCode() != 200) {
            throw new AssertionError("Vaadin navigation to " + route + " answered " + view.statusCode() + ": "
                    + view.body());
        }
        this.uiId = uiId.group(1);
        this.securityKey = securityKey.group(1);
        uiChanges.setLength(0);
        remember(view.body());
        return view.body();
    }

    /**
     * Clicks the button labelled {@code label} in the UI last opened by {@link #vaadinView}, as its client would
     * send it (a UIDL event), and returns the answer as it is.
     */
    public HttpResponse<String> vaadinClick(String label) {
        Matcher text = Pattern.compile("\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"text\",\"feat\":\\d+,"
                + "\"value\":\"" + Pattern.quote(label) + "\"\\}").matcher(uiChanges);
        if (!text.find()) {
            throw new AssertionError("No text '" + label + "' in the UI");
        }
        Matcher parent = Pattern.compile("\\{\"node\":(\\d+),\"type\":\"splice\",\"feat\":\\d+,\"index\":\\d+,"
                + "\"addNodes\":\\[[0-9,]*\\b" + text.group(1) + "\\b").matcher(uiChanges);
        if (!parent.find()) {
            throw new AssertionError("No element holds the text '" + label + "'");
        }
        return vaadinClickNode(parent.group(1));
    }

    /**
     * Chooses the item labelled {@code label} of a menu bar's open menu (a {@code vaadin-menu-bar-item} element),
     * as its client sends it, and returns the answer as it is; a view's own button with the same text is not it.
     */
    public HttpResponse<String> vaadinClickMenuItem(String label) {
        Matcher text = Pattern.compile("\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"text\",\"feat\":\\d+,"
                + "\"value\":\"" + Pattern.quote(label) + "\"\\}").matcher(uiChanges);
        while (text.find()) {
            Matcher parent = Pattern.compile("\\{\"node\":(\\d+),\"type\":\"splice\",\"feat\":\\d+,\"index\":\\d+,"
                    + "\"addNodes\":\\[[0-9,]*\\b" + text.group(1) + "\\b").matcher(uiChanges);
            if (parent.find() && uiChanges.indexOf("{\"node\":" + parent.group(1)
                    + ",\"type\":\"put\",\"key\":\"tag\",\"feat\":0,\"value\":\"vaadin-menu-bar-item\"}") >= 0) {
                return vaadinClickNode(parent.group(1));
            }
        }
        throw new AssertionError("No menu item '" + label + "' in the UI");
    }

    /**
     * Clicks the element that carries the attribute {@code name} with {@code value} (e.g. the avatar menu's
     * {@code aria-label}), as its client would send it, and returns the answer as it is.
     */
    public HttpResponse<String> vaadinClickElementWith(String name, String value) {
        Matcher attribute = Pattern.compile("\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"" + Pattern.quote(name)
                + "\",\"feat\":\\d+,\"value\":\"" + Pattern.quote(value) + "\"\\}").matcher(uiChanges);
        if (!attribute.find()) {
            throw new AssertionError("No element with " + name + "=\"" + value + "\" in the UI");
        }
        return vaadinClickNode(attribute.group(1));
    }

    private HttpResponse<String> vaadinClickNode(String node) {
        return vaadinRpc("{\"type\":\"event\",\"node\":" + node + ",\"event\":\"click\",\"data\":{"
                + "\"event.screenX\":0,\"event.screenY\":0,\"event.clientX\":0,\"event.clientY\":0,"
                + "\"event.detail\":1,\"event.button\":0,\"event.ctrlKey\":false,\"event.shiftKey\":false,"
                + "\"event.altKey\":false,\"event.metaKey\":false}}");
    }

    /** Types {@code value} into the field labelled {@code label} and leaves it, as the client sends it. */
    public HttpResponse<String> vaadinType(String label, String value) {
        Matcher field = Pattern.compile("\\{\"node\":(\\d+),\"type\":\"put\",\"key\":\"label\",\"feat\":\\d+,"
                + "\"value\":\"" + Pattern.quote(label) + "\"\\}").matcher(uiChanges);
        if (!field.find()) {
            throw new AssertionError("No field '" + label + "' in the UI");
        }
        String node = field.group(1);
        return vaadinRpc("{\"type\":\"mSync\",\"node\":" + node + ",\"feature\":1,\"property\":\"value\","
                + "\"value\":\"" + value + "\"},{\"type\":\"event\",\"node\":" + node + ",\"event\":\"change\","
                + "\"data\":{}}");
    }

    /**
     * Confirms the data updates that the server asked the grids of the UI last opened by {@link #vaadinView} to
     * confirm ({@code $connector.confirm(id)}), in one request, as Vaadin's client does right after it renders a
     * view with grids. Does nothing when no grid asked.
     */
    public void vaadinConfirmDataUpdates() {
        Matcher confirm = Pattern.compile("\\[\\{\"@v-node\":(\\d+)\\},(\\d+),"
                + "\"return \\$0\\.\\$connector\\.confirm\\(\\$1\\)\"\\]").matcher(uiChanges);
        StringBuilder rpcs = new StringBuilder();
        while (confirm.find()) {
            rpcs.append(rpcs.isEmpty() ? "" : ",").append("{\"type\":\"publishedEventHandler\",\"node\":")
                    .append(confirm.group(1)).append(",\"templateEventMethodName\":\"confirmUpdate\",")
                    .append("\"templateEventMethodArgs\":[").append(confirm.group(2)).append("],\"promise\":0}");
        }
        if (!rpcs.isEmpty()) {
            vaadinRpc(rpcs.toString());
        }
    }

    /**
     * Sends the events that the server's scripts dispatch on an element at once
     * ({@code this.dispatchEvent(new CustomEvent('name'))}), as the browser would, in one request; e.g. the
     * profile's request for its later sections. Does nothing when there are none.
     */
    public void vaadinDispatchedEvents() {
        Matcher dispatch = Pattern.compile("\\[\\{\"@v-node\":(\\d+)\\},\"[^\"]*?this\\.dispatchEvent\\("
                + "new CustomEvent\\('([\\w-]+)'\\)\\)").matcher(uiChanges);
        StringBuilder rpcs = new StringBuilder();
        while (dispatch.find()) {
            rpcs.append(rpcs.isEmpty() ? "" : ",").append("{\"type\":\"event\",\"node\":")
                    .append(dispatch.group(1)).append(",\"event\":\"").append(dispatch.group(2))
                    .append("\",\"data\":{}}");
        }
        if (!rpcs.isEmpty()) {
            vaadinRpc(rpcs.toString());
        }
    }

    /**
     * What the browser sends by itself after the last answer, each as a request of its own and in the order
     * Chromium sends them (seen in its DevTools): first the events that the answer's scripts dispatch at once (e.g.
     * the profile's request for its later sections), then the results of the answer's scripts that the server
     * awaits (its return channels), and the same for the answers to those. A script's result is what it gives in
     * Chromium: {@code true} for the passkey support check, nothing ({@code null}) for the others here (they set a
     * property). Returns the answers, to count and check.
     */
    public java.util.List<HttpResponse<String>> vaadinFollowUps() {
        java.util.List<HttpResponse<String>> answers = new java.util.ArrayList<>();
        java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>(java.util.List.of(lastAnswer));
        while (!pending.isEmpty()) {
            if (answers.size() > 20) {
                throw new AssertionError("More than 20 follow-up requests: " + lastAnswer);
            }
            String answer = pending.poll();
            Matcher dispatch = DISPATCHED_EVENT.matcher(answer);
            while (dispatch.find()) {
                HttpResponse<String> response = vaadinRpc("{\"type\":\"event\",\"node\":" + dispatch.group(1)
                        + ",\"event\":\"" + dispatch.group(2) + "\"}");
                answers.add(response);
                pending.add(response.body());
            }
            Matcher awaited = AWAITED_SCRIPT.matcher(answer);
            while (awaited.find()) {
                String result = awaited.group(3).contains("PracticalCrmPasskeys.supported()") ? "true" : "null";
                HttpResponse<String> response = vaadinRpc("{\"type\":\"channel\",\"node\":" + awaited.group(1)
                        + ",\"channel\":" + awaited.group(2) + ",\"args\":[" + result + "]}");
                answers.add(response);
                pending.add(response.body());
            }
        }
        return answers;
    }

    /** Has {@code observer} told of every later UIDL round trip (UI events): its answer and its time in ns. */
    public void observeRoundTrips(java.util.function.BiConsumer<HttpResponse<String>, Long> observer) {
        this.roundTrips = observer;
    }

    /** Closes this client's connections (its cookies stay), as a browser does with idle ones. */
    public void disconnect() {
        if (sharedClient) {
            throw new IllegalStateException("The client is shared with other sessions");
        }
        client.close();
    }

    /** Everything the server sent to the UI last opened by {@link #vaadinView}, to look for texts in. */
    public String vaadinChanges() {
        return uiChanges.toString();
    }

    private HttpResponse<String> vaadinRpc(String invocation) {
        if (uiId == null) {
            throw new IllegalStateException("Open a view with vaadinView first");
        }
        String body = "{\"csrfToken\":\"" + securityKey + "\",\"rpc\":[" + invocation + "],\"syncId\":" + syncId
                + ",\"clientId\":" + clientId + "}";
        long started = System.nanoTime();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        roundTrips.accept(response, System.nanoTime() - started);
        remember(response.body());
        return response;
    }

    private void remember(String uidl) {
        lastAnswer = uidl;
        uiChanges.append(uidl);
        Matcher sync = SYNC_ID.matcher(uidl);
        if (sync.find()) {
            syncId = sync.group(1);
        }
        Matcher client = CLIENT_ID.matcher(uidl);
        if (client.find()) {
            clientId = client.group(1);
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
            request.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0");
            if (!sharedClient) {
                return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
            // What the client's cookie handler would do, with this session's own cookies.
            URI uri = request.build().uri();
            cookies.get(uri, java.util.Map.of()).forEach((header, values) -> {
                if (!values.isEmpty()) {
                    request.header(header, String.join("; ", values));
                }
            });
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            cookies.put(uri, response.headers().map());
            return response;
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
