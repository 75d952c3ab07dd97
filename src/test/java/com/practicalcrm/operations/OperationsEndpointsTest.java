package com.practicalcrm.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.HttpBrowserSession;
import com.practicalcrm.MailTexts;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailQueue;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.passwordreset.PasswordResetService;
import com.practicalcrm.twofactor.TwoFactorFixture;
import com.practicalcrm.twofactor.TwoFactorService;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What an operator's tools see: the health groups that probes ask, and the counters that Prometheus scrapes,
 * moved by real sign-ins through the security filter chain.
 */
@PracticalCrmTest
class OperationsEndpointsTest {

    private static final String SCRAPER_PASSWORD = "test-scraper-secret"; // application-test.properties
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_ADDRESS =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final Pattern COMPONENT = Pattern.compile("\"(\\w+)\":\\{\"status\":\"(\\w+)\"");

    @LocalServerPort
    int port;
    @Autowired
    WebApplicationContext context;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    PasswordResetService passwordResets;
    @Autowired
    GreenMail greenMail;
    @Autowired
    MutableTestClock clock;
    @Autowired
    TestMailQueue mailQueue;

    private final HttpClient http = HttpClient.newHttpClient();
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void readinessNamesDatabaseAndMailAndTheOverallHealthNamesNothing() {
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(components(readiness.body())).containsEntry("db", "UP").containsEntry("mail", "UP")
                .containsEntry("readinessState", "UP");
        assertThat(readiness.body()).as("statuses only: no versions, hosts or ports").doesNotContain("details");

        HttpResponse<String> liveness = get("/actuator/health/liveness", null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"").doesNotContain("db");

        HttpResponse<String> overall = get("/actuator/health", null);
        assertThat(overall.statusCode()).isEqualTo(200);
        assertThat(overall.body()).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
    }

    @Test
    void prometheusIsOnlyForTheScraperAndShowsTheAppCounters() {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", basic("prometheus", "wrong")).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", basic("someone", SCRAPER_PASSWORD)).statusCode()).isEqualTo(401);

        HttpResponse<String> scrape = get("/actuator/prometheus", basic("prometheus", SCRAPER_PASSWORD));

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Set-Cookie")).as("no session for scrapes").isEmpty();
        assertThat(scrape.body()).contains(
                "practicalcrm_sign_ins_total{outcome=\"succeeded\"}",
                "practicalcrm_sign_ins_total{outcome=\"failed\"}",
                "practicalcrm_sign_ins_total{outcome=\"throttled\"}",
                "practicalcrm_two_factor_codes_total{outcome=\"accepted\"}",
                "practicalcrm_two_factor_codes_total{outcome=\"refused\"}",
                "practicalcrm_password_resets_total{stage=\"requested\"}",
                "practicalcrm_password_resets_total{stage=\"completed\"}",
                "practicalcrm_mails_total{outcome=\"sent\"}",
                "practicalcrm_mails_total{outcome=\"failed\"}");
        List<String> ours = scrape.body().lines().filter(line -> line.startsWith("practicalcrm_")).toList();
        assertThat(ours).as("tags carry fixed words only: no address, account or id")
                .allMatch(line -> line.matches("practicalcrm_\\w+_total\\{(outcome|stage)=\"[a-z]+\"} [0-9.E]+"));
    }

    @Test
    void requestsAreTimedAsAWholeButNotFilterByFilter() {
        HttpBrowserSession browser = new HttpBrowserSession(port);
        browser.signIn(accounts.create("Observed Person").email().value(), TestAccounts.PASSWORD);
        assertThat(browser.get("/profile").statusCode()).isEqualTo(200);

        assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
        assertThat(meters.getMeters()).as("Spring Security's per-filter observations cost CPU on every request")
                .noneMatch(meter -> meter.getId().getName().startsWith("spring.security."));
    }

    @Test
    void signInsFailuresAndThrottlingAreCounted() throws Exception {
        UserProfile user = accounts.create("Counted Person");
        double succeeded = count("practicalcrm.sign.ins", "outcome", "succeeded");
        double failed = count("practicalcrm.sign.ins", "outcome", "failed");
        double throttled = count("practicalcrm.sign.ins", "outcome", "throttled");

        signIn(user.email().value(), TestAccounts.PASSWORD);
        signIn("nobody-" + user.email().value(), "whatever-password-1");
        for (int i = 0; i < 5; i++) {
            signIn(user.email().value(), "wrong-password-" + i);
        }
        signIn(user.email().value(), TestAccounts.PASSWORD); // the account's throttle refuses even the right one

        assertThat(count("practicalcrm.sign.ins", "outcome", "succeeded")).isEqualTo(succeeded + 1);
        assertThat(count("practicalcrm.sign.ins", "outcome", "failed")).as("unknown account included")
                .isEqualTo(failed + 6);
        assertThat(count("practicalcrm.sign.ins", "outcome", "throttled")).isEqualTo(throttled + 1);
    }

    @Test
    void codesAcceptedAndRefusedAreCountedAndTheSignInOnlyWithTheCode() throws Exception {
        UserProfile user = accounts.create("Code Person");
        TwoFactorFixture.Enabled enabled = TwoFactorFixture.enable(twoFactor, clock, user.id());
        double succeeded = count("practicalcrm.sign.ins", "outcome", "succeeded");
        double accepted = count("practicalcrm.two.factor.codes", "outcome", "accepted");
        double refused = count("practicalcrm.two.factor.codes", "outcome", "refused");

        MockHttpSession session = signIn(user.email().value(), TestAccounts.PASSWORD);
        assertThat(count("practicalcrm.sign.ins", "outcome", "succeeded")).as("password step alone")
                .isEqualTo(succeeded);
        clock.advance(Duration.ofSeconds(30));
        String right = enabled.codeAt(clock.instant());
        String wrong = right.equals("000000") ? "111111" : "000000";
        mvc.perform(post("/login/code").session(session).with(csrf()).param("code", wrong).with(fromOwnAddress()));
        mvc.perform(post("/login/code").session(session).with(csrf()).param("code", right).with(fromOwnAddress()));

        assertThat(count("practicalcrm.two.factor.codes", "outcome", "refused")).isEqualTo(refused + 1);
        assertThat(count("practicalcrm.two.factor.codes", "outcome", "accepted")).isEqualTo(accepted + 1);
        assertThat(count("practicalcrm.sign.ins", "outcome", "succeeded")).isEqualTo(succeeded + 1);
    }

    @Test
    void passwordResetsAndTheirMailsAreCounted() {
        UserProfile user = accounts.create("Reset Person");
        double requested = count("practicalcrm.password.resets", "stage", "requested");
        double completed = count("practicalcrm.password.resets", "stage", "completed");
        double sent = count("practicalcrm.mails", "outcome", "sent");
        ClientInfo client = new ClientInfo("192.0.2.60", null);

        passwordResets.request(user.email().value(), client);
        String token = MailTexts.resetToken(
                TestMailServer.awaitMessagesTo(greenMail, user.email().value(), 1).getFirst());
        passwordResets.resetPassword(token, "quartz-meadow-lantern-58", client);
        TestMailServer.awaitMessagesTo(greenMail, user.email().value(), 2); // the "password was reset" notice
        mailQueue.drain(); // the count follows the SMTP answer, which may come after GreenMail has the mail

        assertThat(count("practicalcrm.password.resets", "stage", "requested")).isEqualTo(requested + 1);
        assertThat(count("practicalcrm.password.resets", "stage", "completed")).isEqualTo(completed + 1);
        assertThat(count("practicalcrm.mails", "outcome", "sent")).isGreaterThanOrEqualTo(sent + 2);
    }

    /** The real form login, each attempt from an address of its own: only the account's throttle applies. */
    private MockHttpSession signIn(String email, String password) throws Exception {
        return (MockHttpSession) mvc.perform(post("/login").with(csrf()).param("username", email)
                        .param("password", password).with(fromOwnAddress()))
                .andReturn().getRequest().getSession();
    }

    private static RequestPostProcessor fromOwnAddress() {
        String address = "198.51.100." + (NEXT_ADDRESS.incrementAndGet() % 250 + 1);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private double count(String name, String tag, String value) {
        return meters.get(name).tag(tag, value).counter().count();
    }

    private static java.util.Map<String, String> components(String json) {
        java.util.Map<String, String> found = new java.util.TreeMap<>();
        Matcher matcher = COMPONENT.matcher(json);
        while (matcher.find()) {
            found.put(matcher.group(1), matcher.group(2));
        }
        return found;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
