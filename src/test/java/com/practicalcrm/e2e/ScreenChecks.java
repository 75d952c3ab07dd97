package com.practicalcrm.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;

/**
 * What the gallery and the keyboard walkthrough check on every screen: the colour scheme and screen width
 * Chromium pretends to have (DevTools emulation, no restart), axe-core's accessibility rules, horizontal
 * overflow and touch-target sizes on phones, and full-page screenshots.
 */
final class ScreenChecks {

    /** A width and colour scheme a screen is looked at in. */
    record Look(int width, int height, boolean dark) {
        boolean phone() {
            return width < 600;
        }

        String name() {
            return width + "-" + (dark ? "dark" : "light");
        }
    }

    static final List<Look> LOOKS = List.of(new Look(1280, 800, false), new Look(1280, 800, true),
            new Look(360, 780, false), new Look(360, 780, true));

    private static final String AXE = readAxe();

    private final HasCdp cdp;
    private final JavascriptExecutor js;
    private Look look = LOOKS.getFirst();

    ScreenChecks(Object driver) {
        this.cdp = (HasCdp) driver;
        this.js = (JavascriptExecutor) driver;
    }

    private static String readAxe() {
        try (InputStream in = ScreenChecks.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Look look() {
        return look;
    }

    /** Makes the page as wide as {@code look} (a phone: touch, mobile viewport) and in its colour scheme. */
    void use(Look look) {
        this.look = look;
        cdp.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", look.dark() ? "dark" : "light"))));
        viewport(look.height());
        cdp.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", look.phone(),
                "maxTouchPoints", look.phone() ? 5 : 1));
    }

    private void viewport(int height) {
        cdp.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", look.width(), "height", height,
                "deviceScaleFactor", 1, "mobile", look.phone()));
    }

    /**
     * The serious and critical violations axe-core finds in the page (dialogs included), one line each:
     * rule, impact, the first elements concerned.
     */
    @SuppressWarnings("unchecked")
    List<String> axeViolations() {
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(AXE);
        }
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.slice(0, 3).map(n => n.target.join(' >>> ') + ': ' + n.failureSummary)}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
                """);
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> violation : violations) {
            String impact = String.valueOf(violation.get("impact"));
            String line = violation.get("id") + " (" + impact + "): " + violation.get("help") + " "
                    + violation.get("nodes");
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(line);
            } else {
                minor.add(line);
            }
        }
        return serious;
    }

    /** Moderate and minor findings, reported but not failed on. */
    final List<String> minor = new ArrayList<>();

    /**
     * On a phone: whether the page or an open dialog scrolls sideways, and which visible elements stick out of
     * the screen (shadow roots included).
     */
    @SuppressWarnings("unchecked")
    List<String> horizontalOverflow() {
        return (List<String>) js.executeScript("""
                const width = document.documentElement.clientWidth;
                const found = [];
                if (document.documentElement.scrollWidth > width + 1) {
                  found.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px wide');
                }
                const visit = root => {
                  for (const e of root.querySelectorAll('*')) {
                    const r = e.getBoundingClientRect();
                    if (r.width > 0 && r.height > 0 && (r.right > width + 1 || r.left < -1)
                        && getComputedStyle(e).visibility !== 'hidden' && found.length < 8
                        && !e.closest('[aria-hidden=true]')) {
                      found.push((e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + '#' + e.id
                          + '[part=' + (e.getAttribute('part') || '') + '] ') + Math.round(r.left) + '..'
                          + Math.round(r.right));
                    }
                    if (e.shadowRoot) visit(e.shadowRoot);
                    if (e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
                        && found.length < 8) {
                      found.push(e.tagName.toLowerCase() + '.' + [...e.classList].join('.')
                          + '[part=' + (e.getAttribute('part') || '') + '] scrolls sideways');
                    }
                  }
                };
                visit(document);
                return found;
                """);
    }

    /**
     * On a phone: visible buttons, links, fields and menu items lower or narrower than 44 px (links inside a
     * sentence excepted, as WCAG does).
     */
    @SuppressWarnings("unchecked")
    List<String> smallTouchTargets() {
        return (List<String>) js.executeScript("""
                const found = [];
                const targets = 'vaadin-button, button, a[href], input:not([type=hidden]):not([type=file]), '
                    + 'vaadin-menu-bar-button, vaadin-menu-bar-item, vaadin-context-menu-item, [role=menuitem]';
                const visit = root => {
                  for (const e of root.querySelectorAll(targets)) {
                    if (e.closest('p, li') && e.tagName === 'A') continue;
                    if (e.getAttribute('part') === 'input-field') continue;
                    const host = e.getRootNode().host;
                    if (host && host.matches('vaadin-button, vaadin-menu-bar-button, vaadin-upload-file')) continue;
                    let r = e.getBoundingClientRect();
                    if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden') continue;
                    // A Vaadin field's input sits in its input-field box: that box is what a finger hits.
                    const field = e.tagName === 'INPUT' && e.parentElement && e.parentElement.shadowRoot
                        && e.parentElement.shadowRoot.querySelector('[part=input-field]');
                    if (field) r = field.getBoundingClientRect();
                    // A checkbox is hit through its label too (a click on the label ticks it).
                    if (e.type === 'checkbox' && e.labels && e.labels.length) r = e.labels[0].getBoundingClientRect();
                    if (r.height < 43.5 || r.width < 43.5) {
                      found.push(e.tagName.toLowerCase() + ' "' + (e.textContent || e.getAttribute('aria-label')
                          || e.name || '').trim().slice(0, 40) + '" ' + Math.round(r.width) + 'x' + Math.round(r.height));
                    }
                  }
                  for (const e of root.querySelectorAll('*')) if (e.shadowRoot) visit(e.shadowRoot);
                };
                visit(document);
                return found;
                """);
    }

    /** Saves the whole page (not only the visible part; an open dialog as the screen shows it) as a PNG. */
    void screenshot(String name, boolean wholePage) {
        int height = look.height();
        if (wholePage) {
            Number content = (Number) js.executeScript(
                    "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
            height = Math.min(4000, Math.max(look.height(), content.intValue()));
            viewport(height);
        }
        Map<String, Object> shot = cdp.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        if (wholePage) {
            viewport(look.height());
        }
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + "-" + look.name() + ".png"),
                    Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
