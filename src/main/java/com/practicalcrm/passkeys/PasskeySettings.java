package com.practicalcrm.passkeys;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The WebAuthn relying party: its id (a host name, never an IP address) and the origins passkeys may be used from,
 * both derived from {@code practicalcrm.base-url} unless set explicitly ({@code practicalcrm.passkeys.rp-id},
 * {@code practicalcrm.passkeys.allowed-origins}, comma-separated). An origin with port 0 (a server on a free port)
 * takes the port the server actually got.
 */
@Component
public class PasskeySettings {

    static final String RP_NAME = "PracticalCRM";
    private static final Logger log = LoggerFactory.getLogger(PasskeySettings.class);

    private final String rpId;
    private final List<URI> configuredOrigins;
    private final Set<String> allowedOrigins = new CopyOnWriteArraySet<>();

    PasskeySettings(@Value("${practicalcrm.base-url}") String baseUrl,
                    @Value("${practicalcrm.passkeys.rp-id:}") String rpId,
                    @Value("${practicalcrm.passkeys.allowed-origins:}") String allowedOrigins) {
        URI base = absolute(baseUrl, "practicalcrm.base-url");
        this.rpId = rpId.isBlank() ? base.getHost() : rpId.trim();
        if (this.rpId.matches("[0-9.]+") || this.rpId.contains(":")) {
            throw new IllegalArgumentException("Passkeys need a host name, not an IP address, as relying-party id ("
                    + this.rpId + "): set practicalcrm.base-url (or practicalcrm.passkeys.rp-id) to a name such as "
                    + "localhost or crm.example.com");
        }
        this.configuredOrigins = allowedOrigins.isBlank() ? List.of(base)
                : Arrays.stream(allowedOrigins.split(",")).map(String::trim).filter(o -> !o.isEmpty())
                        .map(o -> absolute(o, "practicalcrm.passkeys.allowed-origins")).toList();
        configuredOrigins.forEach(origin -> this.allowedOrigins.add(origin(origin, origin.getPort())));
    }

    /** An origin with port 0 (a server on a free port, as in tests) takes the port the server got. */
    @EventListener
    void onServerStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        int port = event.getWebServer().getPort();
        allowedOrigins.clear();
        configuredOrigins.forEach(origin -> allowedOrigins.add(origin(origin, origin.getPort() == 0 ? port
                : origin.getPort())));
        log.info("Passkeys: relying-party id {}, allowed origins {}", rpId, allowedOrigins);
    }

    public String rpId() {
        return rpId;
    }

    /** A live view: the origins are read at every verification. */
    public Set<String> allowedOrigins() {
        return allowedOrigins;
    }

    private static URI absolute(String url, String setting) {
        URI parsed = URI.create(url.trim());
        if (parsed.getHost() == null || parsed.getScheme() == null) {
            throw new IllegalArgumentException(setting + " must hold absolute URLs such as https://crm.example.com, "
                    + "not '" + url + "'");
        }
        return parsed;
    }

    private static String origin(URI url, int port) {
        boolean defaultPort = port < 0 || "https".equals(url.getScheme()) && port == 443
                || "http".equals(url.getScheme()) && port == 80;
        return url.getScheme() + "://" + url.getHost() + (defaultPort ? "" : ":" + port);
    }
}
