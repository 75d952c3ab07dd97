package com.practicalcrm.passkeys;

import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The WebAuthn relying party: its id (a host name, never an IP address) and the origins passkeys may be used from,
 * both derived from {@code practicalcrm.base-url} unless set explicitly. A base URL with port 0 (a test server on a
 * free port) takes the port the server actually got.
 */
@Component
public class PasskeySettings {

    static final String RP_NAME = "PracticalCRM";

    private final String rpId;
    private final Set<String> allowedOrigins = new CopyOnWriteArraySet<>();
    private final boolean originFollowsServerPort;
    private final URI baseUrl;

    PasskeySettings(@Value("${practicalcrm.base-url}") String baseUrl,
                    @Value("${practicalcrm.passkeys.rp-id:}") String rpId,
                    @Value("${practicalcrm.passkeys.allowed-origins:}") String allowedOrigins) {
        this.baseUrl = URI.create(baseUrl.trim());
        if (this.baseUrl.getHost() == null) {
            throw new IllegalArgumentException("practicalcrm.base-url must be an absolute URL such as "
                    + "https://crm.example.com, not '" + baseUrl + "'");
        }
        this.rpId = rpId.isBlank() ? this.baseUrl.getHost() : rpId.trim();
        if (this.rpId.matches("[0-9.]+") || this.rpId.contains(":")) {
            throw new IllegalArgumentException("Passkeys need a host name, not an IP address, as relying-party id ("
                    + this.rpId + "): set practicalcrm.base-url (or practicalcrm.passkeys.rp-id) to a name such as "
                    + "localhost or crm.example.com");
        }
        if (allowedOrigins.isBlank()) {
            this.allowedOrigins.add(origin(this.baseUrl, this.baseUrl.getPort()));
            this.originFollowsServerPort = this.baseUrl.getPort() == 0;
        } else {
            Arrays.stream(allowedOrigins.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(this.allowedOrigins::add);
            this.originFollowsServerPort = false;
        }
    }

    @EventListener
    void onServerStarted(WebServerInitializedEvent event) {
        if (originFollowsServerPort && event.getApplicationContext().getServerNamespace() == null) {
            allowedOrigins.clear();
            allowedOrigins.add(origin(baseUrl, event.getWebServer().getPort()));
        }
    }

    public String rpId() {
        return rpId;
    }

    /** A live view: the origins are read at every verification. */
    public Set<String> allowedOrigins() {
        return allowedOrigins;
    }

    private static String origin(URI url, int port) {
        boolean defaultPort = port < 0 || "https".equals(url.getScheme()) && port == 443
                || "http".equals(url.getScheme()) && port == 80;
        return url.getScheme() + "://" + url.getHost() + (defaultPort ? "" : ":" + port);
    }
}
