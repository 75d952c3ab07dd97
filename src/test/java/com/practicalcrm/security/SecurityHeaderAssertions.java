package com.practicalcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;

/** The browser-protection headers every response must carry (README, "Browser-side protection"). */
public final class SecurityHeaderAssertions {

    private SecurityHeaderAssertions() {
    }

    /** Every header, each exactly once, with the usual referrer policy and no HSTS (plain http). */
    public static void assertProtected(HttpResponse<?> response) {
        assertProtected(response, "strict-origin-when-cross-origin");
        assertThat(response.headers().allValues("Strict-Transport-Security")).as(describe(response)).isEmpty();
    }

    public static void assertProtected(HttpResponse<?> response, String referrerPolicy) {
        HttpHeaders headers = response.headers();
        String what = describe(response);
        assertThat(headers.allValues("Content-Security-Policy")).as(what).hasSize(1);
        // Vaadin's bootstrap pages add the hashes of their own inline scripts (checked in SecurityHeadersHttpTest).
        assertThat(headers.allValues("Content-Security-Policy").getFirst().replaceAll(" 'sha256-[A-Za-z0-9+/=]+'", ""))
                .as(what).isEqualTo(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
        assertThat(headers.allValues("Content-Security-Policy").getFirst()).as(what)
                .contains("frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'");
        assertThat(headers.allValues("X-Frame-Options")).as(what).containsExactly("DENY");
        assertThat(headers.allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
        assertThat(headers.allValues("Referrer-Policy")).as(what).containsExactly(referrerPolicy);
        assertThat(headers.allValues("Permissions-Policy")).as(what).containsExactly(
                "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    }

    private static String describe(HttpResponse<?> response) {
        return response.request().method() + " " + response.uri().getPath() + " -> " + response.statusCode();
    }
}
