package com.practicalcrm.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import com.practicalcrm.deployment.Chromium;
import com.practicalcrm.deployment.DeploymentEnvironment;
import com.practicalcrm.deployment.JarProcess;
import com.practicalcrm.deployment.ProductionJar;

/**
 * Prints the requests (with their bodies) that Chromium sends for the load test's navigation: sign in, open the
 * profile, then "Edit Profile" and "View Profile" from the avatar menu. {@link LoadTest} sends the same requests;
 * run this after a change of the views or of Vaadin to see whether they still match:
 *
 * <pre>
 * java -cp "$CP" com.practicalcrm.bench.NavigationCapture
 * </pre>
 */
final class NavigationCapture {

    public static void main(String[] args) throws Exception {
        Path jar = ProductionJar.obtain();
        int port = JarProcess.freePort();
        try (DeploymentEnvironment environment = DeploymentEnvironment.start();
             JarProcess app = JarProcess.start(jar, "capture", port, environment.settings(port))) {
            app.awaitReady(Duration.ofMinutes(3));
            String email = BenchAccounts.create(environment, "capture", 1).get(0);
            WebDriver browser = Chromium.start(true);
            try {
                browser.get(app.baseUrl() + "/login");
                Chromium.waitForVaadin(browser);
                Thread.sleep(1000);
                WebElement user = (WebElement) js(browser, "return [...document.querySelectorAll('*')].find(e => e.inputElement && e.getAttribute('name')==='username')?.inputElement || document.querySelector('input[name=username]')");
                WebElement pass = (WebElement) js(browser, "return [...document.querySelectorAll('*')].find(e => e.inputElement && e.getAttribute('name')==='password')?.inputElement || document.querySelector('input[name=password]')");
                user.sendKeys(email);
                pass.sendKeys(BenchAccounts.PASSWORD);
                pass.sendKeys(org.openqa.selenium.Keys.ENTER);
                Thread.sleep(3000);
                browser.get(app.baseUrl() + "/profile");
                Chromium.waitForVaadin(browser);
                Thread.sleep(2000);
                dump(browser, "OPEN /profile");
                clickMenu(browser, "Edit Profile");
                dump(browser, "EDIT PROFILE");
                clickMenu(browser, "View Profile");
                dump(browser, "VIEW PROFILE");
                clickMenu(browser, "Edit Profile");
                dump(browser, "EDIT PROFILE 2");
            } finally {
                browser.quit();
            }
        }
    }

    static void clickMenu(WebDriver browser, String item) throws Exception {
        ((WebElement) js(browser, "return document.querySelector('vaadin-menu-bar vaadin-menu-bar-button')")).click();
        Thread.sleep(800);
        Chromium.waitForVaadin(browser);
        WebElement target = (WebElement) js(browser, "return [...document.querySelectorAll('vaadin-menu-bar-item, vaadin-context-menu-item, [role=menuitem]')].find(e => e.getClientRects().length > 0 && e.textContent.trim() === arguments[0])", item);
        target.click();
        Thread.sleep(1500);
        Chromium.waitForVaadin(browser);
        Thread.sleep(1000);
    }

    static Object js(WebDriver b, String s, Object... a) {
        return ((JavascriptExecutor) b).executeScript(s, a);
    }

    @SuppressWarnings("unchecked")
    static void dump(WebDriver browser, String title) {
        System.out.println("===== " + title + " url=" + browser.getCurrentUrl());
        Json json = new Json();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> log = json.toType(entry.getMessage(), Map.class);
            Map<String, Object> message = (Map<String, Object>) log.get("message");
            if (!"Network.requestWillBeSent".equals(message.get("method"))) {
                continue;
            }
            Map<String, Object> params = (Map<String, Object>) message.get("params");
            Map<String, Object> request = (Map<String, Object>) params.get("request");
            String url = String.valueOf(request.get("url"));
            if (url.startsWith("data:")) continue;
            Object body = request.get("postData");
            System.out.println(request.get("method") + " " + url + (body == null ? "" : "\n    " + body));
        }
    }
}
