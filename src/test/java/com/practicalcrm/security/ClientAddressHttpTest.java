package com.practicalcrm.security;

import static com.practicalcrm.jooq.Tables.AUTH_THROTTLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.valves.RemoteIpValve;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.security.events.SecurityEvent;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.security.throttle.ThrottleScope;

/**
 * Behind a proxy (server.forward-headers-strategy=native, trusted proxy 127.0.0.1 as in the test configuration):
 * the client address recorded for a failed sign-in (security event and the per-address throttle) is the one
 * in X-Forwarded-For only when the request comes from the trusted proxy; from any other address (127.0.0.2
 * here, a second loopback address the server also listens on) a spoofed header changes nothing.
 */
@PracticalCrmTest
class ClientAddressHttpTest {

    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_PARAMETER = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    SecurityEventService events;
    @Autowired
    DSLContext dsl;
    @Autowired
    WebServerApplicationContext context;

    @Test
    void spoofedForwardedForFromAnUntrustedAddressChangesNothing() {
        UserProfile user = accounts.create("Spoof Target");
        failSignIn(user, SecurityHeadersHttpTest.UNTRUSTED_CLIENT, "203.0.113.7");

        assertThat(lastFailure(user).client().address()).isEqualTo("127.0.0.2");
        assertThat(addressFailures("127.0.0.2")).isPresent();
        assertThat(addressFailures("203.0.113.7")).isEmpty();
    }

    @Test
    void forwardedForFromTheTrustedProxyIsTheClientAddress() {
        UserProfile user = accounts.create("Proxied User");
        failSignIn(user, SecurityHeadersHttpTest.TRUSTED_PROXY, "203.0.113.8");

        assertThat(lastFailure(user).client().address()).isEqualTo("203.0.113.8");
        assertThat(addressFailures("203.0.113.8")).contains(1);
    }

    @Test
    void theServerTrustsOnlyTheConfiguredProxies() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        RemoteIpValve valve = ClientAddressSource.remoteIpValve(
                server.getTomcat().getEngine().getPipeline().getValves()).orElseThrow();
        assertThat(valve.getInternalProxies()).isEqualTo("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
        assertThat(new ClientAddressSource(context.getEnvironment()).describe(Optional.of(valve)))
                .isEqualTo("Client addresses come from X-Forwarded-For sent by proxies matching "
                        + "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1 (server.tomcat.remoteip.internal-proxies), otherwise from "
                        + "the socket; HTTPS as reported by X-Forwarded-Proto from those proxies");
    }

    private SecurityEvent lastFailure(UserProfile user) {
        return events.latest(user.id(), 20).stream().filter(e -> e.type() == SecurityEventType.SIGN_IN_FAILED)
                .findFirst().orElseThrow(() -> new AssertionError("no failed sign-in recorded"));
    }

    private Optional<Integer> addressFailures(String address) {
        return dsl.select(AUTH_THROTTLE.FAILURES).from(AUTH_THROTTLE)
                .where(AUTH_THROTTLE.SCOPE.eq(ThrottleScope.SIGN_IN_ADDRESS.name()), AUTH_THROTTLE.SUBJECT.eq(address))
                .fetchOptional(AUTH_THROTTLE.FAILURES);
    }

    /** A wrong password through the real sign-in form, sent from the given local address. */
    private void failSignIn(UserProfile user, InetAddress from, String forwardedFor) {
        try (HttpClient http = HttpClient.newBuilder().localAddress(from).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build()) {
            String page = http.send(request("/login").header("X-Forwarded-For", forwardedFor).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = CSRF_TOKEN.matcher(page);
            Matcher parameter = CSRF_PARAMETER.matcher(page);
            assertThat(token.find() && parameter.find()).as("CSRF token on the sign-in page").isTrue();
            String form = "username=" + encode(user.email().value()) + "&password=" + encode("wrong-password-xyz")
                    + "&" + parameter.group(1) + "=" + encode(token.group(1));
            HttpResponse<String> answer = http.send(request("/login").header("X-Forwarded-For", forwardedFor)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElse("")).contains("error");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
