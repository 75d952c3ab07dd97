package com.practicalcrm.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import com.practicalcrm.deployment.Chromium;
import com.practicalcrm.deployment.DeploymentEnvironment;
import com.practicalcrm.deployment.JarProcess;
import com.practicalcrm.deployment.ProductionJar;

/**
 * Page weight of the sign-in page: the first visit of a fresh Chromium profile (empty cache) to {@code /login} of
 * the production jar, summed from Chromium's DevTools network events ({@code encodedDataLength}: the bytes on the
 * wire, headers included). Not a test, since the figure depends on Vaadin's bundle; run it by hand:
 *
 * <pre>
 * ./mvnw -q test-compile
 * CP=target/test-classes:target/classes:$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
 * java -cp "$CP" com.practicalcrm.bench.PageWeight                     # builds the production jar first
 * java -Dpracticalcrm.deployment.jar=target/practicalcrm-0.1.0-SNAPSHOT.jar -cp "$CP" com.practicalcrm.bench.PageWeight
 * </pre>
 *
 * It starts MariaDB, an SMTP server and the jar as the deployment test does, and prints one line per response and
 * the total; its last line is {@code SUMMARY page-weight bytes=... requests=...}. Target: at most 400 KB.
 */
final class PageWeight {

    private PageWeight() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path jar = ProductionJar.obtain();
        int port = JarProcess.freePort();
        try (DeploymentEnvironment environment = DeploymentEnvironment.start();
             JarProcess app = JarProcess.start(jar, "page-weight", port, environment.settings(port))) {
            app.awaitReady(java.time.Duration.ofMinutes(3));
            WebDriver browser = Chromium.start(true);
            try {
                browser.get(app.baseUrl() + "/login");
                Chromium.waitForVaadin(browser);
                Thread.sleep(2000); // late requests (fonts, icons) after the first render
                report(browser);
            } finally {
                browser.quit();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void report(WebDriver browser) {
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, String> encodings = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        Json json = new Json();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> log = json.toType(entry.getMessage(), Map.class);
            Map<String, Object> message = (Map<String, Object>) log.get("message");
            Map<String, Object> params = (Map<String, Object>) message.get("params");
            String id = String.valueOf(params.get("requestId"));
            switch (String.valueOf(message.get("method"))) {
                case "Network.responseReceived" -> {
                    Map<String, Object> response = (Map<String, Object>) params.get("response");
                    urls.put(id, String.valueOf(response.get("url")));
                    Map<String, Object> headers = (Map<String, Object>) response.get("headers");
                    encodings.put(id, headers.entrySet().stream()
                            .filter(h -> h.getKey().equalsIgnoreCase("content-encoding"))
                            .map(h -> String.valueOf(h.getValue())).findFirst().orElse("-"));
                }
                case "Network.loadingFinished" -> bytes.put(id, ((Number) params.get("encodedDataLength")).longValue());
                default -> {
                }
            }
        }
        long total = 0;
        int requests = 0;
        for (Map.Entry<String, Long> finished : bytes.entrySet()) {
            String url = urls.getOrDefault(finished.getKey(), "?");
            if (!url.startsWith("http")) { // data: URLs and Chromium's own chrome:// pages
                continue;
            }
            requests++;
            total += finished.getValue();
            System.out.printf("%9d  %-6s %s%n", finished.getValue(), encodings.getOrDefault(finished.getKey(), "-"),
                    url);
        }
        System.out.printf("Sign-in page, first visit: %d bytes (%d KB) over %d requests%n", total, total / 1000,
                requests);
        System.out.printf("SUMMARY page-weight bytes=%d requests=%d%n", total, requests);
    }
}
