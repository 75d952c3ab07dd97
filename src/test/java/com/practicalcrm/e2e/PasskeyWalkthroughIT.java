package com.practicalcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.passkeys.PasskeyMessages;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.twofactor.TwoFactorFixture;
import com.practicalcrm.twofactor.TwoFactorService;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.UserService;
import com.practicalcrm.account.SignUpMails;

/**
 * Passkeys in Chromium, with a virtual authenticator over the DevTools protocol (CTAP2, internal transport,
 * resident keys and user verification on), as issue 10 lists it.
 */
@PracticalCrmTest
class PasskeyWalkthroughIT extends BrowserTest {

    @Autowired
    GreenMail greenMail;
    @Autowired
    UserService users;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    SecurityEventService events;
    @Autowired
    MutableTestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void newUserAddsAPasskeySignsInWithItAloneRenamesAndRemovesIt() {
        String email = TestAccounts.uniqueEmail("Radia.Perlman");
        VirtualAuthenticator authenticator = addAuthenticator();

        // Create account, confirmed by the mailed link
        open("create-account");
        type("Full name", "Radia Perlman");
        type("Email", email);
        type("Password", TestAccounts.PASSWORD);
        click("Create account");
        waitUntil(d -> pageText().contains("Check your email"));
        String link = SignUpMails.awaitConfirmationLink(greenMail, email.toLowerCase());
        open(link.substring(link.indexOf("confirm-account?token=")));
        click("Confirm email address");
        waitUntil(d -> pageText().contains("Email address confirmed"));
        signInWithPassword(email);
        waitUntil(d -> currentPath().equals("/profile"));
        assertThat(pageText()).contains("Passkeys", "You have no passkeys yet.");

        // Add a passkey, named after the browser by default
        click("Add a passkey");
        waitUntil(d -> pageText().contains("Passkey name"));
        assertThat(field("Passkey name").getAttribute("value")).isEqualTo("Chrome on Linux");
        type("Passkey name", "Work laptop");
        click("Create passkey");
        waitUntil(d -> pageText().contains("Passkey \u201cWork laptop\u201d added."));
        assertThat(authenticator.getCredentials()).hasSize(1);
        assertThat(authenticator.getCredentials().getFirst().isResidentCredential()).isTrue();
        assertThat(pageText()).contains("Work laptop", "Security key", "On one device only", "Never used",
                "Keep a second way in");
        UserProfile account = users.findProfileByEmail(email).orElseThrow();
        assertThat(events.latest(account.id(), 1)).extracting(e -> e.type())
                .containsExactly(SecurityEventType.PASSKEY_ADDED);

        // Sign out, sign in with the passkey only. With user verification failing, the sign-in page's autofill
        // request ends without a word; then "Sign in with a passkey" works.
        authenticator.setUserVerified(false);
        signOut();
        waitUntil(d -> "done".equals(js("return window.PracticalCrmPasskeys"
                + " && window.PracticalCrmPasskeys.autofillState()")));
        assertThat(currentPath()).isEqualTo("/login");
        assertThat(pageText()).doesNotContain("passkey prompt", "could not be");
        authenticator.setUserVerified(true);
        click("Sign in with a passkey");
        waitUntil(d -> currentPath().equals("/"));
        open("profile");
        assertThat(pageText()).contains("Radia Perlman", "Work laptop", "Last used").doesNotContain("Never used");
        assertThat(events.latest(account.id(), 1)).extracting(e -> e.type())
                .containsExactly(SecurityEventType.PASSKEY_SIGN_IN);

        // Rename it
        click("Rename");
        waitUntil(d -> pageText().contains("Rename passkey"));
        type("Passkey name", "Radia's laptop");
        click("Save");
        waitUntil(d -> pageText().contains("Radia's laptop"));
        assertThat(pageText()).doesNotContain("Work laptop");

        // Autofill: the sign-in page offers the passkey in the Email field; Chromium's virtual authenticator picks
        // it at once, so signing out lands signed in again, without a click.
        clickSignOut();
        waitUntil(d -> currentPath().equals("/"));
        assertThat(events.latest(account.id(), 1)).extracting(e -> e.type())
                .containsExactly(SecurityEventType.PASSKEY_SIGN_IN);
        open("profile");

        // Remove it (confirmed). The browser is told which passkeys are still accepted (WebAuthn Signals API), and
        // Chromium's authenticator drops this one.
        // Eleven minutes later the removal asks "Confirm it's you", answered with the passkey.
        List<Credential> held = authenticator.getCredentials();
        assertThat(held).hasSize(1);
        clock.advance(Duration.ofMinutes(11));
        click("Remove");
        waitUntil(d -> pageText().contains("Remove passkey?"));
        confirmDialogButton("Remove").click();
        waitUntil(d -> pageText().contains("Confirm it's you"));
        click("Use a passkey");
        waitUntil(d -> pageText().contains("You have no passkeys yet."));
        assertThat(events.latest(account.id(), 2)).extracting(e -> e.type())
                .containsExactly(SecurityEventType.PASSKEY_REMOVED, SecurityEventType.REAUTHENTICATED);
        waitUntil(d -> authenticator.getCredentials().isEmpty());

        // The removed passkey, still kept by another browser, no longer signs in, and the page says why (the
        // autofill offers it, then the button); the browser is told to forget it.
        authenticator.addCredential(held.getFirst());
        clickSignOut();
        waitUntil(d -> pageText().contains(PasskeyMessages.UNKNOWN));
        assertThat(currentPath()).isEqualTo("/login");
        waitUntil(d -> authenticator.getCredentials().isEmpty());
        authenticator.addCredential(held.getFirst());
        click("Sign in with a passkey");
        waitUntil(d -> authenticator.getCredentials().isEmpty());
        waitUntil(d -> pageText().contains(PasskeyMessages.UNKNOWN));
        assertThat(currentPath()).isEqualTo("/login");
    }

    @Test
    void userWithTwoFactorSignsInWithPasswordAndPasskeyInsteadOfTheCode() {
        UserProfile user = accounts.create("Barbara Liskov");
        String email = user.email().value();
        VirtualAuthenticator authenticator = addAuthenticator();
        signInWithPassword(email);
        waitUntil(d -> currentPath().equals("/profile"));
        click("Add a passkey");
        waitUntil(d -> pageText().contains("Passkey name"));
        click("Create passkey");
        waitUntil(d -> pageText().contains("added."));
        TwoFactorFixture.enable(twoFactor, clock, user.id());
        List<Credential> keys = authenticator.getCredentials();
        assertThat(keys).hasSize(1);

        // The sign-in page would offer the passkey by itself (autofill): without an authenticator nothing is
        // offered, so the password is typed, and the passkey comes back for the code step.
        ((HasVirtualAuthenticator) driver).removeVirtualAuthenticator(authenticator);
        driver.manage().deleteAllCookies();
        signInWithPassword(email);
        waitUntil(d -> currentPath().equals("/login/code"));
        VirtualAuthenticator again = addAuthenticator();
        again.addCredential(keys.getFirst());
        click("Use a passkey");
        waitUntil(d -> currentPath().equals("/profile"));
        assertThat(pageText()).contains("Barbara Liskov", "Enabled");
        // The cookies were cleared, so this browser is new to the account: the sign-in alert comes with it.
        assertThat(events.latest(user.id(), 2)).extracting(e -> e.type())
                .containsExactlyInAnyOrder(SecurityEventType.PASSKEY_SIGN_IN, SecurityEventType.NEW_DEVICE_SIGN_IN);
    }

    @Test
    void aCancelledPromptSaysSoAndSignsNobodyIn() {
        VirtualAuthenticator authenticator = addAuthenticator();
        authenticator.setUserVerified(false);
        open("login");
        click("Sign in with a passkey");
        waitUntil(d -> pageText().contains(PasskeyMessages.CANCELLED));
        assertThat(currentPath()).isEqualTo("/login");
    }

    private VirtualAuthenticator addAuthenticator() {
        return ((HasVirtualAuthenticator) driver).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));
    }

    private void signInWithPassword(String email) {
        open("profile");
        waitUntil(d -> currentPath().equals("/login"));
        type("Email", email);
        type("Password", TestAccounts.PASSWORD);
        click("Sign in");
    }

    private void signOut() {
        clickSignOut();
        waitUntil(d -> currentPath().equals("/login"));
    }

    private void clickSignOut() {
        driver.findElement(By.cssSelector("vaadin-menu-bar vaadin-avatar")).click();
        waitForVaadin();
        click("Sign out");
    }

    private WebElement confirmDialogButton(String text) {
        return waitForElement(() -> (WebElement) js(
                "return [...document.querySelectorAll('vaadin-confirm-dialog vaadin-button')]"
                        + ".find(b => b.textContent.trim() === arguments[0]) || null;", text));
    }
}
