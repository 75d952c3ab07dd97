package com.practicalcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.twofactor.Totp;
import com.practicalcrm.twofactor.TotpSecret;

/**
 * The manual's "Enabling 2FA", "Using Recovery Codes" and "Disabling 2FA" in Chromium. The test plays the
 * authenticator app: it reads the Secret Key from the page and computes the codes itself.
 */
@PracticalCrmTest
class TwoFactorWalkthroughIT extends BrowserTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableTestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void userEnablesTwoFactorSignsInWithCodeAndRecoveryCodeThenDisablesIt() {
        UserProfile user = accounts.create("Hedy Lamarr");
        String email = user.email().value();

        signIn(email);
        waitUntil(d -> currentPath().equals("/profile"));
        assertThat(pageText()).contains("Disabled");

        // Enabling 2FA
        click("Enable 2FA");
        waitUntil(d -> pageText().contains("Secret Key"));
        assertThat(driver.findElement(By.cssSelector("img[alt*='QR code']")).isDisplayed()).isTrue();
        TotpSecret secret = TotpSecret.fromBase32(driver.findElement(By.id("two-factor-secret")).getText());
        List<String> recoveryCodes = recoveryCodesOnPage();
        assertThat(recoveryCodes).hasSize(10);
        assertThat(pageText()).contains("They will not be shown again after verification.");

        type("Enter Authenticator Code", "000000".equals(code(secret)) ? "111111" : "000000");
        click("Verify & Enable");
        waitUntil(d -> pageText().contains("That code is not correct."));

        type("Enter Authenticator Code", code(secret));
        click("Verify & Enable");
        waitUntil(d -> pageText().contains("Two-factor authentication is on"));
        assertThat(recoveryCodesOnPage()).isEqualTo(recoveryCodes);
        click("I have saved these codes");
        waitUntil(d -> pageText().contains("Enabled") && pageText().contains("10 unused recovery codes"));
        assertThat(pageText()).contains("Disable 2FA", "Regenerate recovery codes");

        // Sign in with a code from the app
        signOut();
        signIn(email);
        waitUntil(d -> currentPath().equals("/login/code"));
        open("profile");
        assertThat(currentPath()).as("no page before the second step").isEqualTo("/login/code");
        nextTimeStep();
        type("Enter Authenticator Code", code(secret));
        click("Verify");
        waitUntil(d -> currentPath().equals("/profile"));
        assertThat(pageText()).contains("Hedy Lamarr", "Enabled");

        // Sign in with a recovery code
        signOut();
        signIn(email);
        waitUntil(d -> currentPath().equals("/login/code"));
        click("Use a recovery code");
        type("Recovery code", recoveryCodes.get(2));
        click("Verify");
        waitUntil(d -> pageText().contains("You have 9 recovery codes left."));
        open("profile");
        waitUntil(d -> pageText().contains("9 unused recovery codes"));

        // Disabling 2FA more than 10 minutes after signing in: "Confirm it's you" asks for a code
        clock.advance(Duration.ofMinutes(11));
        click("Disable 2FA");
        confirmDialogButton("Disable 2FA").click();
        waitUntil(d -> pageText().contains("Confirm it's you"));
        type("Enter Authenticator Code", code(secret));
        click("Confirm");
        waitUntil(d -> pageText().contains("Enable 2FA") && pageText().contains("Disabled"));

        // Sign in without a code
        signOut();
        signIn(email);
        waitUntil(d -> currentPath().equals("/profile"));
        assertThat(pageText()).contains("Disabled");
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

    /** Each code works once: the app would show the next one 30 seconds later. */
    private void nextTimeStep() {
        clock.advance(Duration.ofSeconds(30));
    }

    private String code(TotpSecret secret) {
        return Totp.codeAt(secret, clock.instant());
    }

    /** From the DOM rather than getText(): codes scrolled out of the dialog's view count too. */
    @SuppressWarnings("unchecked")
    private List<String> recoveryCodesOnPage() {
        return (List<String>) js("return [...document.querySelectorAll('#recovery-codes li')]"
                + ".map(li => li.textContent.trim());");
    }

    private WebElement confirmDialogButton(String text) {
        return waitForElement(() -> (WebElement) js(
                "return [...document.querySelectorAll('vaadin-confirm-dialog vaadin-button')]"
                        + ".find(b => b.textContent.trim() === arguments[0]) || null;", text));
    }
}
