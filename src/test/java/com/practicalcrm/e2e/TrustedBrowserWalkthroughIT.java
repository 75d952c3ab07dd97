package com.practicalcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.HttpBrowserSession;
import com.practicalcrm.MailTexts;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.twofactor.TwoFactorFixture;
import com.practicalcrm.twofactor.TwoFactorService;
import com.practicalcrm.signin.trust.NewSignInAlerts;
import com.practicalcrm.signin.trust.TrustedBrowsers;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.account.UserProfile;

/**
 * Issue 11 in Chromium, with two browser profiles: "Remember this browser for 30 days" skips the code on the next
 * sign-in; a sign-in from a second profile mails the new-sign-in alert; its "This wasn't me" link ends both
 * sessions and the remembered browser.
 */
@PracticalCrmTest
class TrustedBrowserWalkthroughIT extends BrowserTest {

    private static final Pattern LINK = Pattern.compile(
            Pattern.quote(TestMailServer.BASE_URL) + "(/this-wasnt-me\\?token=[A-Za-z0-9_-]{43})");

    @Autowired
    TestAccounts accounts;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    GreenMail greenMail;
    @Autowired
    MutableTestClock clock;
    @Autowired
    TrustedBrowsers trustedBrowsers;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void rememberedBrowserSkipsTheCodeAndThisWasntMeEndsBothSessions() {
        UserProfile user = accounts.create("Grace Hopper");
        String email = user.email().value();
        TwoFactorFixture.Enabled app = TwoFactorFixture.enable(twoFactor, clock, user.id());

        // Laptop: password, code and "Remember this browser for 30 days"
        signIn(email);
        waitUntil(d -> currentPath().equals("/login/code"));
        clock.advance(Duration.ofSeconds(30));
        type("Enter Authenticator Code", app.codeAt(clock.instant()));
        field("Remember this browser for 30 days").click();
        click("Verify");
        waitUntil(d -> currentPath().equals("/profile"));
        waitUntil(d -> pageText().contains("Remembered browsers") && pageText().contains("Address when added"));

        // Signed out and in again: the password, but no code
        signOut();
        signIn(email);
        waitUntil(d -> currentPath().equals("/profile"));
        assertThat(pageText()).contains("Grace Hopper");

        // A second browser profile signs in (with the code): the alert goes out
        WebDriver laptop = driver;
        startBrowser();
        WebDriver other = driver;
        try {
            signIn(email);
            waitUntil(d -> currentPath().equals("/login/code"));
            clock.advance(Duration.ofSeconds(30));
            type("Enter Authenticator Code", app.codeAt(clock.instant()));
            click("Verify");
            waitUntil(d -> currentPath().equals("/profile"));

            Matcher link = LINK.matcher(MailTexts.text(
                    TestMailServer.awaitMessageTo(greenMail, email, NewSignInAlerts.SUBJECT)));
            assertThat(link.find()).isTrue();

            // On the laptop, the owner clicks "This wasn't me"
            driver = laptop;
            open(link.group(1).substring(1));
            waitUntil(d -> pageText().contains("Was this sign-in not you?"));
            click("This wasn't me");
            waitUntil(d -> pageText().contains("Your account is secured"));
            assertThat(pageText()).contains("Signed out every session of your account", "Forgot every remembered browser",
                    "Sent a link to choose a new password to " + email);

            // Both sessions have ended
            open("profile");
            waitUntil(d -> currentPath().equals("/login"));
            driver = other;
            open("profile");
            waitUntil(d -> currentPath().equals("/login"));
        } finally {
            other.quit();
            driver = laptop;
        }

        // The laptop is no longer remembered: the code is asked again
        signIn(email);
        waitUntil(d -> currentPath().equals("/login/code"));
    }

    /**
     * The rows' buttons of the profile's tables are plain buttons in HTML the server wrote, heard by one listener
     * on the table: Remove by keyboard (Enter), then Sign out of another session by mouse.
     */
    @Test
    void rowButtonsRemoveARememberedBrowserByKeyboardAndSignOutAnotherSession() {
        UserProfile user = accounts.create("Row Buttons");
        String email = user.email().value();
        trustedBrowsers.remember(user.id(), new ClientInfo("198.51.100.7",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"));
        HttpBrowserSession otherBrowser = new HttpBrowserSession(port);
        otherBrowser.signIn(email, TestAccounts.PASSWORD);
        assertThat(otherBrowser.isSignedIn()).isTrue();

        signIn(email);
        waitUntil(d -> currentPath().equals("/profile"));
        assertThat(signOutOthersDisabled()).as("another session is there to sign out").isFalse();
        WebElement remove = rowButton("Remove Firefox 128 on Windows");
        assertThat(remove.getTagName()).isEqualTo("button");
        assertThat(remove.getSize().getHeight()).as("as high as Lumo's small buttons").isGreaterThanOrEqualTo(30);
        remove.sendKeys(Keys.ENTER);
        waitUntil(d -> pageText().contains("No browser is remembered."));
        assertThat(trustedBrowsers.list(user.id())).isEmpty();

        // The other session's row (its browser: the HTTP client's "Chrome 150 on Linux"); signing in just now
        // counts as "Confirm it's you".
        rowButton("Sign out Chrome 150 on Linux").click();
        waitUntil(d -> pageText().contains("Signed out the session on Chrome 150 on Linux."));
        assertThat(otherBrowser.isSignedIn()).isFalse();
        assertThat(driver.findElements(By.cssSelector("button[aria-label^='Sign out ']"))).hasSize(1);
        // Set through the element's own state (no script of its own): the browser shows the button disabled.
        waitUntil(d -> signOutOthersDisabled());
    }

    private boolean signOutOthersDisabled() {
        return Boolean.TRUE.equals(js("""
                const button = [...document.querySelectorAll('vaadin-button')]
                    .find(b => b.textContent.trim() === 'Sign out other sessions');
                return button.disabled && button.hasAttribute('disabled');
                """));
    }

    private WebElement rowButton(String accessibleName) {
        return waitForElement(() -> driver.findElements(By.cssSelector("table button.table-action")).stream()
                .filter(b -> accessibleName.equals(b.getAttribute("aria-label"))).findFirst().orElse(null));
    }

    private void signIn(String email) {
        open("profile");
        waitUntil(d -> currentPath().equals("/login"));
        type("Email", email);
        type("Password", TestAccounts.PASSWORD);
        click("Sign in");
    }

    private void signOut() {
        driver.findElement(By.cssSelector("vaadin-menu-bar vaadin-avatar")).click();
        waitForVaadin();
        click("Sign out");
        waitUntil(d -> currentPath().equals("/login"));
    }
}
