package com.practicalcrm.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Vaadin's bootstrap page (every full page load) starts with a few inline scripts of Vaadin's own: the old-browser
 * check, {@code window.Vaadin}, the CSRF token for form posts and a Polymer helper (four in production mode).
 * Instead of allowing every inline script with {@code 'unsafe-inline'}, the page's Content-Security-Policy lists
 * the SHA-256 hash of each of them, computed from the page as it is sent, after Vaadin has added everything (in
 * development mode too). An injected inline script has no listed hash and does not run.
 */
@Component
class BootstrapScriptHashes implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> page.getVaadinResponse().setHeader("Content-Security-Policy",
                SecurityHeadersFilter.contentSecurityPolicy(hashes(page.getDocument()))));
    }

    static List<String> hashes(Document page) {
        return page.select("script:not([src])").stream().map(Element::data).map(BootstrapScriptHashes::hash)
                .distinct().toList();
    }

    static String hash(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
