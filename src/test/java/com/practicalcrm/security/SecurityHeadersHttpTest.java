package com.practicalcrm.security;

import static com.practicalcrm.security.SecurityHeaderAssertions.assertProtected;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.practicalcrm.HttpBrowserSession;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;

/**
 * The browser-protection headers over the real server: pages, Vaadin's static resources and internal
 * requests, the actuator, redirects and error answers (401, 403, 404). The 503 page of a database outage is checked in
 * {@code DatabaseOutageTest}. HSTS only over HTTPS, here as reported by the trusted proxy (loopback 127.0.0.1,
 * as in the test configuration) and ignored from anyone else (127.0.0.2 stands for an untrusted client).
 */
@PracticalCrmTest
class SecurityHeadersHttpTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>(.*?)</script>",
            Pattern.DOTALL);
    private static final Pattern VAADIN_RESOURCE = Pattern.compile("(?:src|href)=\"\\.?/?(VAADIN/[^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;

    @Test
    void pagesCarryEveryHeaderOnce() {
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertProtected(login);
        assertProtected(get("/forgot-password"));
    }

    @Test
    void vaadinPagesAllowExactlyTheirOwnInlineScripts() {
        HttpResponse<String> login = get("/login");
        List<String> inlineScripts = INLINE_SCRIPT.matcher(login.body()).results().map(m -> m.group(1)).toList();
        assertThat(inlineScripts).as("Vaadin's bootstrap scripts").isNotEmpty();
        String policy = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).isEqualTo(SecurityHeadersFilter.contentSecurityPolicy(
                inlineScripts.stream().map(BootstrapScriptHashes::hash).distinct().toList()));
        String scriptSrc = policy.substring(policy.indexOf("script-src"), policy.indexOf(';', policy.indexOf("script-src")));
        assertThat(scriptSrc).doesNotContain("'unsafe-inline'").contains("'sha256-");
    }

    @Test
    void vaadinStaticResourcesAndInternalRequestsCarryEveryHeader() {
        String page = get("/login").body();
        Matcher resource = VAADIN_RESOURCE.matcher(page);
        assertThat(resource.find()).as("a VAADIN/ resource referenced by the sign-in page:%n%s", page).isTrue();
        HttpResponse<String> script = get("/" + resource.group(1));
        assertThat(script.statusCode()).isEqualTo(200);
        assertProtected(script);

        HttpResponse<String> styles = get("/styles.css");
        assertThat(styles.statusCode()).isEqualTo(200);
        assertProtected(styles);

        // One of Vaadin's internal requests (a UIDL post without a UI): answered by Vaadin, headers included.
        HttpResponse<String> uidl = send(HttpRequest.newBuilder(uri("/?v-r=uidl&v-uiId=0"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")),
                null);
        assertProtected(uidl);
    }

    @Test
    void actuatorHealthCarriesEveryHeader() {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertProtected(health);
    }

    @Test
    void errorAnswersAndRedirectsCarryEveryHeader() {
        HttpResponse<String> toSignIn = get("/no-such-page");
        assertThat(toSignIn.statusCode()).isEqualTo(302);
        assertProtected(toSignIn);

        HttpBrowserSession browser = new HttpBrowserSession(port);
        browser.signIn(accounts.create("Header Reader").email().value(), TestAccounts.PASSWORD);
        HttpResponse<String> noPicture = browser.get("/avatars/999999999/1/small");
        assertThat(noPicture.statusCode()).isEqualTo(404);
        assertProtected(noPicture);

        HttpResponse<String> unknownRoute = browser.get("/no-such-page");
        assertThat(unknownRoute.statusCode()).isEqualTo(403);
        assertProtected(unknownRoute);

        HttpResponse<String> anonymousAvatar = get("/avatars/1/1/small");
        assertThat(anonymousAvatar.statusCode()).isEqualTo(401);
        assertProtected(anonymousAvatar);
    }

    @Test
    void pagesWithATokenInTheirUrlSendNoReferrer() {
        HttpResponse<String> reset = get("/reset-password/" + "A".repeat(43));
        assertThat(reset.statusCode()).isEqualTo(200);
        assertProtected(reset, "no-referrer");

        HttpResponse<String> confirm = get("/confirm-email?token=" + "B".repeat(43));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertProtected(confirm, "no-referrer");

        HttpResponse<String> signUp = get("/confirm-account?token=" + "C".repeat(43));
        assertThat(signUp.statusCode()).isEqualTo(200);
        assertProtected(signUp, "no-referrer");
    }

    @Test
    void hstsOnlyWhenTheTrustedProxyReportsHttps() {
        HttpResponse<String> viaProxy = send(HttpRequest.newBuilder(uri("/login"))
                .header("X-Forwarded-Proto", "https").GET(), TRUSTED_PROXY);
        assertThat(viaProxy.headers().allValues("Strict-Transport-Security"))
                .containsExactly("max-age=31536000; includeSubDomains");
        assertProtected(viaProxy, "strict-origin-when-cross-origin");

        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health"))
                .header("X-Forwarded-Proto", "https").GET(), TRUSTED_PROXY);
        assertThat(health.headers().allValues("Strict-Transport-Security")).hasSize(1);

        HttpResponse<String> spoofed = send(HttpRequest.newBuilder(uri("/login"))
                .header("X-Forwarded-Proto", "https").GET(), UNTRUSTED_CLIENT);
        assertThat(spoofed.statusCode()).isEqualTo(200);
        assertProtected(spoofed);

        assertProtected(get("/login"));
    }

    static final InetAddress TRUSTED_PROXY = loopback(1);
    static final InetAddress UNTRUSTED_CLIENT = loopback(2);

    private static InetAddress loopback(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), null);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, InetAddress from) {
        HttpClient.Builder client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        if (from != null) {
            client.localAddress(from);
        }
        try (HttpClient http = client.build()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
