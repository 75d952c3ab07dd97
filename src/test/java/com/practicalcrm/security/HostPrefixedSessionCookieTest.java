package com.practicalcrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.servlet.Session;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The session cookie as a browser receives it, from a real embedded Tomcat set up by Spring Boot with the
 * app's own {@code server.servlet.session.*} settings (application.properties) plus what an operator sets for
 * HTTPS. A small server of its own rather than a second application context: cheap, and the shared test
 * context stays on plain http.
 */
class HostPrefixedSessionCookieTest {

    @Test
    void overHttpsTheSessionCookieIsHostPrefixedSecureHttpOnlyAndLax() throws Exception {
        String cookie = sessionCookie(session -> session.getCookie().setSecure(true));
        assertThat(cookie).startsWith("__Host-JSESSIONID=").contains("; Path=/;").contains("; Secure")
                .contains("; HttpOnly").contains("; SameSite=Lax").doesNotContainIgnoringCase("domain=");
    }

    @Test
    void overPlainHttpTheNameStaysNormalAsBrowsersRefusePrefixedCookiesWithoutSecure() throws Exception {
        String cookie = sessionCookie(session -> { });
        assertThat(cookie).startsWith("JSESSIONID=").doesNotContain("Secure").contains("; HttpOnly")
                .contains("; SameSite=Lax");
    }

    @Test
    void aCookieDomainCannotBeCombinedWithTheHostPrefix() {
        assertThatThrownBy(() -> sessionCookie(session -> {
            session.getCookie().setSecure(true);
            session.getCookie().setDomain("example.com");
        })).hasStackTraceContaining("server.servlet.session.cookie.domain must not be set");
    }

    private static String sessionCookie(Consumer<Session> operatorSettings) throws Exception {
        Session session = new Binder(ConfigurationPropertySources.from(new PropertiesPropertySource("application",
                PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties")))))
                .bind("server.servlet.session", Session.class).get();
        operatorSettings.accept(session);
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        factory.setSession(session);
        WebServer server = factory.getWebServer(context -> context.addServlet("session", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) {
                request.getSession(true);
            }
        }).addMapping("/"), new HostPrefixedSessionCookie());
        try {
            server.start();
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getPort() + "/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return response.headers().firstValue("Set-Cookie").orElseThrow();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            server.stop();
        }
    }
}
