package com.practicalcrm.deployment;

import java.time.Duration;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The few steps the deployment test takes in Chromium: fields by visible label, buttons by text. */
final class BrowserPage {

    private final WebDriver driver;

    BrowserPage(WebDriver driver) {
        this.driver = driver;
    }

    void open(String url) {
        driver.get(url);
        Chromium.waitForVaadin(driver);
    }

    void type(String label, String text) {
        WebElement input = waitFor(() -> (WebElement) js(
                "return ([...document.querySelectorAll('*')].find(e => e.label === arguments[0] && e.inputElement)"
                        + " || {}).inputElement || null;", label));
        input.clear();
        input.sendKeys(text);
        js("arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", input);
        Chromium.waitForVaadin(driver);
    }

    void click(String text) {
        waitFor(() -> (WebElement) js("return [...document.querySelectorAll('vaadin-button, button')]"
                + ".find(e => e.getClientRects().length > 0 && e.textContent.trim() === arguments[0]) || null;", text))
                .click();
        Chromium.waitForVaadin(driver);
    }

    /** Waits until the visible text of the page (shadow roots included) contains {@code text}. */
    void awaitText(String text) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
                Chromium.waitForVaadin(d);
                return pageText().contains(text);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("The page at " + driver.getCurrentUrl() + " does not say \"" + text + "\": "
                    + pageText());
        }
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    private String pageText() {
        return (String) js("""
                const text = node => {
                  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
                  if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return '';
                  if (node.nodeType === Node.ELEMENT_NODE && ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(node.tagName))
                    return '';
                  let result = node.shadowRoot ? text(node.shadowRoot) : '';
                  for (const child of node.childNodes) result += text(child);
                  return result + ' ';
                };
                return text(document.body).replace(/\\s+/g, ' ');
                """);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private WebElement waitFor(java.util.function.Supplier<WebElement> finder) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> finder.get());
    }
}
