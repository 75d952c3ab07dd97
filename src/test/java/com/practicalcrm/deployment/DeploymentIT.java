package com.practicalcrm.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebDriver;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import com.practicalcrm.MailTexts;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The production jar as an operator runs it, following the README: built with {@code -Pproduction}, started with
 * {@code java -jar} and configured by environment variables only, against a MariaDB server process and an SMTP
 * server. Two instances share the database, as behind a load balancer. The instances start in parallel and are
 * stopped after the last test; each test uses accounts of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeploymentIT {

    private static final String PASSWORD = "granite-willow-compass-47";
    private static final String NEW_PASSWORD = "lantern-orchid-basalt-82";
    private static final String SCRAPER_PASSWORD = "deployment-scraper-secret";
    private static final Pattern RESET_LINK = Pattern.compile("(http://\\S+/reset-password/[A-Za-z0-9_-]+)");
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    private static Path jar;
    private static DeploymentEnvironment environment;
    private static JarProcess instanceA;
    private static JarProcess instanceB;
    private static WebDriver chromium;
    private static BrowserPage browser;

    @BeforeAll
    static void startTwoInstances() {
        jar = ProductionJar.obtain();
        environment = DeploymentEnvironment.start();
        long started = System.nanoTime();
        int portA = JarProcess.freePort();
        int portB = JarProcess.freePort();
        Map<String, String> settingsA = environment.settings(portA);
        settingsA.put("PRACTICALCRM_METRICS_PASSWORD", SCRAPER_PASSWORD);
        Map<String, String> settingsB = environment.settings(portB);
        settingsB.put("PRACTICALCRM_METRICS_PASSWORD", SCRAPER_PASSWORD);
        settingsB.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"); // the opt-in JSON log, on one of the two
        instanceA = JarProcess.start(jar, "instance-a", portA, settingsA);
        instanceB = JarProcess.start(jar, "instance-b", portB, settingsB);
        instanceA.awaitReady(Duration.ofMinutes(4));
        instanceB.awaitReady(Duration.ofMinutes(4));
        System.out.printf("Two instances of the production jar ready in %d s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    @AfterAll
    static void stopEverything() {
        try {
            if (chromium != null) {
                chromium.quit();
            }
        } finally {
            try {
                closeQuietly(instanceA);
                closeQuietly(instanceB);
            } finally {
                if (environment != null) {
                    environment.close();
                }
            }
        }
    }

    private static void closeQuietly(JarProcess instance) {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    @Order(1)
    void startsAndReportsItsDatabaseAndMailServerReady() {
        HttpResponse<String> health = plainGet(instanceA, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components");

        HttpResponse<String> readiness = plainGet(instanceA, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\":{\"status\":\"UP\"}", "\"mail\":{\"status\":\"UP\"}")
                .doesNotContain("details");
        assertThat(plainGet(instanceB, "/actuator/health/liveness").body()).contains("\"status\":\"UP\"");
    }

    @Test
    @Order(2)
    void logsJsonLinesWhenAskedTo() {
        String started = instanceB.stdout().lines().filter(line -> line.contains("Started Application"))
                .findFirst().orElseThrow(() -> new AssertionError("No start-up line in " + instanceB.stdout()));
        assertThat(started).startsWith("{").endsWith("}").contains("\"@timestamp\"",
                "\"log\":{\"level\":\"INFO\"", "\"ecs\":{\"version\"");
        assertThat(instanceA.stdout()).as("plain text unless asked").contains("Started Application")
                .doesNotContain("\"@timestamp\"");
    }

    @Test
    @Order(3)
    void signInPageAndVaadinResourcesAreServedCompressed() throws IOException {
        HttpResponse<byte[]> page = get(instanceA, "/login", "gzip");
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String html = gunzip(page.body());
        assertThat(html).contains("<html");

        HttpResponse<byte[]> lumo = get(instanceA, "/lumo/lumo.css", "gzip");
        assertThat(lumo.statusCode()).isEqualTo(200);
        assertThat(lumo.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(lumo.body())).contains("--lumo-");

        Matcher bundle = Pattern.compile("VAADIN/build/indexhtml-[\\w-]+\\.js").matcher(html);
        assertThat(bundle.find()).as("the page loads Vaadin's bundle: " + html).isTrue();
        HttpResponse<byte[]> brotli = get(instanceA, "/" + bundle.group(), "gzip, deflate, br");
        assertThat(brotli.headers().firstValue("Content-Encoding")).as("Vaadin's pre-compressed bundle").hasValue("br");
        HttpResponse<byte[]> gzip = get(instanceA, "/" + bundle.group(), "gzip");
        assertThat(gzip.headers().firstValue("Content-Encoding")).as("for browsers without Brotli").hasValue("gzip");
    }

    @Test
    @Order(4)
    void signInPageCarriesTheSecurityHeaders() {
        HttpResponse<String> page = plainGet(instanceA, "/login");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("Permissions-Policy")).isPresent();
    }

    @Test
    @Order(5)
    void refusesToStartWithoutDatabaseTwoFactorKeyOrSmtpServer() {
        Map<String, JarProcess> refused = new LinkedHashMap<>();
        for (String missing : List.of("SPRING_DATASOURCE_URL", "PRACTICALCRM_TWO_FACTOR_ENCRYPTION_KEY",
                "SPRING_MAIL_HOST")) {
            int port = JarProcess.freePort();
            Map<String, String> settings = environment.settings(port);
            settings.remove(missing);
            refused.put(missing, JarProcess.start(jar, "without-" + missing.toLowerCase(), port, settings));
        }
        try {
            refused.forEach((missing, process) -> {
                assertThat(process.awaitExit(Duration.ofMinutes(2))).as("exit code without " + missing).isEqualTo(2);
                assertThat(process.stderrLines()).as("stderr without " + missing).hasSize(1)
                        .allSatisfy(line -> assertThat(line).startsWith("PracticalCRM cannot start").contains(missing));
            });
        } finally {
            refused.values().forEach(JarProcess::close);
        }
    }

    @Test
    @Order(6)
    void resetMailArrivesOverSmtpAndAResetOnOneInstanceEndsTheSessionOnTheOther() throws Exception {
        String email = createAccount();
        Visitor onB = new Visitor(instanceB);
        assertThat(onB.signIn(email, PASSWORD)).doesNotContain("error");
        assertThat(onB.get("/profile").statusCode()).isEqualTo(200);

        BrowserPage page = browser();
        page.open(instanceA.baseUrl() + "/forgot-password");
        page.type("Email", email);
        page.click("Send link");
        page.awaitText("If an account exists for that address");
        String link = resetLink(awaitMail(email));
        assertThat(link).startsWith(instanceA.baseUrl() + "/reset-password/");

        page.open(link);
        page.type("New password", NEW_PASSWORD);
        page.type("Repeat new password", NEW_PASSWORD);
        page.click("Set new password");
        page.awaitText("Your password has been changed");

        HttpResponse<String> next = onB.get("/profile");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(new Visitor(instanceB).signIn(email, NEW_PASSWORD)).doesNotContain("error");
    }

    /** Last: the failures also count against 127.0.0.1, the address every test here comes from. */
    @Test
    @Order(7)
    void failuresCountedOnOneInstanceThrottleSignInOnTheOther() {
        String email = createAccount();
        Visitor onA = new Visitor(instanceA);
        for (int i = 1; i <= 5; i++) {
            assertThat(onA.signIn(email, "wrong-password-" + i)).as("wrong password " + i).endsWith("/login?error");
        }

        BrowserPage page = browser();
        page.open(instanceB.baseUrl() + "/login");
        page.type("Email", email);
        page.type("Password", PASSWORD);
        page.click("Sign in");
        page.awaitText("Too many failed sign-in attempts");
        assertThat(page.path()).isEqualTo("/login");

        assertThat(scrape(instanceA)).contains("practicalcrm_sign_ins_total{outcome=\"failed\"} 5.0");
        assertThat(scrape(instanceB)).contains("practicalcrm_sign_ins_total{outcome=\"throttled\"} 1.0");
    }

    private static BrowserPage browser() {
        if (chromium == null) {
            chromium = Chromium.start(false);
            browser = new BrowserPage(chromium);
        }
        return browser;
    }

    /** An account as the create-account page leaves it, written straight into the shared database. */
    private static String createAccount() {
        String email = "operator-" + ACCOUNTS.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
        // A confirmed account, as after opening the sign-up link. The hash format of SecurityConfig: Argon2id
        // 19 MiB, 2 iterations, under its encoder id.
        String hash = "{argon2id-19m-2i-1p}" + new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2).encode(PASSWORD);
        try (Connection connection = environment.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO app_user"
                     + " (full_name, email, password_hash, joined_at, email_confirmed_at)"
                     + " VALUES (?, ?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))")) {
            insert.setString(1, "Deployment Tester");
            insert.setString(2, email);
            insert.setString(3, hash);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return email;
    }

    private static MimeMessage awaitMail(String recipient) throws MessagingException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : environment.mail().getReceivedMessages()) {
                if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(address -> address.toString().equalsIgnoreCase(recipient))) {
                    return message;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No mail to " + recipient + " arrived over SMTP within 30 s");
    }

    private static String resetLink(MimeMessage mail) {
        Matcher link = RESET_LINK.matcher(MailTexts.text(mail));
        if (!link.find()) {
            throw new AssertionError("No reset link in: " + MailTexts.text(mail));
        }
        return link.group(1);
    }

    private static String scrape(JarProcess instance) {
        String credentials = Base64.getEncoder().encodeToString(
                ("prometheus:" + SCRAPER_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(instance.baseUrl()
                + "/actuator/prometheus")).header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> plainGet(JarProcess instance, String path) {
        return send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> get(JarProcess instance, String path, String acceptEncoding) {
        return send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + path))
                .header("Accept-Encoding", acceptEncoding).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return HttpClient.newHttpClient().send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
