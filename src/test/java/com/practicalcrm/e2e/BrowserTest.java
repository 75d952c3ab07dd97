package com.practicalcrm.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real-browser tests on Debian's Chromium, in the style of TestBench (which cannot run here): elements are found
 * by their visible label or text, as a person or a screen reader would, and each step waits for Vaadin to be
 * idle instead of sleeping.
 */
abstract class BrowserTest {

    private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    WebDriver driver;

    @BeforeEach
    void startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--window-size=1280,900", "--lang=en-GB");
        // The app formats dates in the browser's locale: a British browser makes that visible.
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "en-GB"));
        // The console, to check that the Content-Security-Policy blocks nothing the app needs.
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser(org.junit.jupiter.api.TestInfo test) throws java.io.IOException {
        if (driver != null) {
            // Kept as a build artefact: what the page looked like at the end of each walkthrough.
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(dir.resolve(getClass().getSimpleName() + "-"
                    + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test") + ".png"), png);
            List<String> blocked = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll()
                    .stream().map(org.openqa.selenium.logging.LogEntry::getMessage)
                    .filter(message -> message.contains("Content Security Policy")
                            || message.contains("Permissions-Policy") || message.contains("Permissions policy"))
                    .toList();
            driver.quit();
            org.assertj.core.api.Assertions.assertThat(blocked)
                    .as("browser console: the Content-Security-Policy or Permissions-Policy blocked something")
                    .isEmpty();
        }
    }

    void open(String path) {
        driver.get("http://localhost:" + port + "/" + path);
        waitForVaadin();
    }

    String currentPath() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Waits until the page is loaded and Vaadin has no server round trip in flight. */
    void waitForVaadin() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(js(
                "if (document.readyState !== 'complete') return false;"
                        + "if (!window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients) return false;"
                        + "return Object.values(window.Vaadin.Flow.clients)"
                        + "  .every(c => !c.isActive || !c.isActive());")));
    }

    /** Waits for a condition, checking after each Vaadin round trip. */
    void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            waitForVaadin();
            return condition.apply(d);
        });
    }

    /** The input of the field whose visible label is exactly {@code label} (Vaadin fields and plain labels). */
    WebElement field(String label) {
        return waitForElement(() -> (WebElement) js(
                "const label = arguments[0];"
                        + "const host = [...document.querySelectorAll('*')].find(e => e.label === label"
                        + "   && e.inputElement);"
                        + "if (host) return host.inputElement;"
                        + "const plain = [...document.querySelectorAll('label')].find(l => l.textContent.trim() === label);"
                        + "return plain ? document.getElementById(plain.htmlFor) : null;", label));
    }

    /** The Vaadin field component (host element) labelled {@code label}. */
    WebElement fieldHost(String label) {
        return waitForElement(() -> (WebElement) js(
                "return [...document.querySelectorAll('*')].find(e => e.label === arguments[0]) || null;", label));
    }

    void type(String label, String text) {
        WebElement input = field(label);
        input.clear();
        input.sendKeys(text);
        js("arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", input);
        waitForVaadin();
    }

    /** A button, link or menu item whose visible text is exactly {@code text}. */
    WebElement byText(String text) {
        return waitForElement(() -> (WebElement) js(
                "const text = arguments[0];"
                        + "const candidates = [...document.querySelectorAll("
                        + "  'vaadin-button, button, a, vaadin-menu-bar-item, vaadin-context-menu-item, [role=menuitem]')];"
                        + "return candidates.find(e => e.getClientRects().length > 0 && e.textContent.trim() === text) || null;",
                text));
    }

    void click(String text) {
        byText(text).click();
        waitForVaadin();
    }

    /** The visible text of the page, inside shadow roots too, for "the page says ..." checks. */
    String pageText() {
        return (String) js("""
                const text = node => {
                  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
                  if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return '';
                  if (node.nodeType === Node.ELEMENT_NODE) {
                    if (['SCRIPT', 'STYLE', 'TEMPLATE'].includes(node.tagName)) return '';
                    const style = getComputedStyle(node);
                    if (node.hidden || style.display === 'none' || style.visibility === 'hidden') return '';
                  }
                  let result = node.shadowRoot ? text(node.shadowRoot) : '';
                  for (const child of node.childNodes) result += text(child);
                  return result + ' ';
                };
                return text(document.body).replace(/\\s+/g, ' ');
                """);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement waitForElement(java.util.function.Supplier<WebElement> finder) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> finder.get());
    }

    List<String> texts(By by) {
        return driver.findElements(by).stream().map(WebElement::getText).toList();
    }
}
