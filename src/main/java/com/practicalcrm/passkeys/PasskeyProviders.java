package com.practicalcrm.passkeys;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ResourceLoader;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.practicalcrm.common.LogSafe;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a passkey is kept ("Google Password Manager", "iCloud Keychain", "Windows Hello"), from the AAGUID its
 * authenticator reports, by the community list "passkey-authenticator-aaguids"
 * (https://github.com/passkeydeveloper/passkey-authenticator-aaguids, file {@code aaguid.json}: AAGUID → {@code
 * {name, icon_light, icon_dark}}). The list carries no licence, so no copy is kept in this repository: it is read
 * at start-up and once a day from {@code practicalcrm.passkeys.provider-names-url} (any URL, also {@code file:} or
 * {@code classpath:}; empty = off). Until it has been read, or for an AAGUID it lacks, the name is "Security key".
 */
@Component
public class PasskeyProviders {

    static final String DEFAULT_URL =
            "https://raw.githubusercontent.com/passkeydeveloper/passkey-authenticator-aaguids/main/aaguid.json";
    public static final String UNKNOWN_PROVIDER = "Security key";

    private static final Logger log = LoggerFactory.getLogger(PasskeyProviders.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String url;
    private final ResourceLoader resources;
    private volatile Map<String, String> names = Map.of();

    PasskeyProviders(@Value("${practicalcrm.passkeys.provider-names-url:" + DEFAULT_URL + "}") String url,
                     ResourceLoader resources) {
        this.url = url.trim();
        this.resources = resources;
    }

    /** The provider's name for an AAGUID (any case), or {@value #UNKNOWN_PROVIDER}. */
    public String nameOf(String aaguid) {
        if (aaguid == null) {
            return UNKNOWN_PROVIDER;
        }
        return names.getOrDefault(aaguid.toLowerCase(Locale.ROOT), UNKNOWN_PROVIDER);
    }

    /** In the background, so that a slow or unreachable list never delays the start. */
    @EventListener(ApplicationReadyEvent.class)
    void loadAtStart() {
        Thread.ofVirtual().name("passkey-provider-names").start(this::refresh);
    }

    @Scheduled(cron = "${practicalcrm.passkeys.provider-names-cron:0 41 3 * * *}")
    void refresh() {
        if (url.isEmpty()) {
            return;
        }
        try (InputStream in = open()) {
            Map<String, String> loaded = parse(in);
            if (loaded.isEmpty()) {
                // The list's maintainers will empty it when they retire it: keep what we had.
                log.warn("The passkey provider list at {} is empty; keeping {} known names", LogSafe.escape(url),
                        names.size());
                return;
            }
            names = loaded;
            log.info("Loaded {} passkey provider names from {}", loaded.size(), LogSafe.escape(url));
        } catch (IOException | RuntimeException e) {
            log.warn("Could not read the passkey provider list at {} (passkeys show \"{}\" where it would name the "
                    + "provider): {}", LogSafe.escape(url), UNKNOWN_PROVIDER, LogSafe.escape(String.valueOf(e)));
        }
    }

    private InputStream open() throws IOException {
        if (url.startsWith("https:") || url.startsWith("http:")) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            try {
                HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    response.body().close();
                    throw new IOException("HTTP " + response.statusCode());
                }
                return response.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted", e);
            }
        }
        return resources.getResource(url).getInputStream();
    }

    /** AAGUID (lower case) → provider name, from a file in the list's format. */
    static Map<String, String> parse(InputStream in) {
        JsonNode root = JSON.readTree(in);
        if (!root.isObject()) {
            throw new IllegalArgumentException("The passkey provider list is not a JSON object");
        }
        Map<String, String> result = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode name = entry.getValue().get("name");
            if (name != null && name.isString() && !name.asString().isBlank()) {
                result.put(entry.getKey().toLowerCase(Locale.ROOT), name.asString().strip());
            }
        }
        return Map.copyOf(result);
    }
}
