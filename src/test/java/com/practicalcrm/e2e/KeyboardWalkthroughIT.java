package com.practicalcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.avatar.AvatarFixtures;
import com.practicalcrm.twofactor.Totp;
import com.practicalcrm.twofactor.TotpSecret;
import com.practicalcrm.account.UserProfile;

/**
 * The seed's flows with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrows, Esc), in Chromium: sign in,
 * view and edit the profile, upload a picture, enable 2FA, sign in with a code, disable 2FA. Every element the
 * Tab key stops at must show that it has the focus.
 */
@PracticalCrmTest
class KeyboardWalkthroughIT extends BrowserTest {

    /**
     * The element that has the focus, through shadow roots, and whether it shows it: Vaadin's components set
     * {@code focus-ring} on keyboard focus (Lumo draws the ring from it); plain elements need an outline or a
     * box shadow while {@code :focus-visible}.
     */
    private static final String FOCUS = """
            let e = document.activeElement;
            while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
            if (!e || e === document.body) return null;
            let host = null;
            let shown = false;
            for (let h = e; h && h !== document.body; h = h.parentElement || (h.getRootNode() && h.getRootNode().host)) {
              if (h.hasAttribute && h.hasAttribute('focus-ring')) shown = true;
              if (!host && h.tagName && h.tagName.startsWith('VAADIN-')) host = h;
            }
            host = host || e;
            if (!shown && e.matches(':focus-visible')) {
              const s = getComputedStyle(e);
              shown = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
            }
            const label = e.labels && e.labels.length ? e.labels[0].textContent : '';
            const name = (host.label || host.getAttribute('aria-label') || label || host.textContent
                || e.getAttribute('aria-label') || e.name || '').trim().replace(/\\s+/g, ' ');
            return {name: name, tag: e.tagName.toLowerCase(), host: host.tagName.toLowerCase(), shown: shown};
            """;

    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableTestClock clock;

    private final List<String> invisibleFocus = new ArrayList<>();
    private Path file;

    @AfterEach
    void cleanUp() throws Exception {
        clock.reset();
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void seedFlowsWorkByKeyboardAloneWithVisibleFocus() throws Exception {
        UserProfile user = accounts.create("Margaret Hamilton");
        String email = user.email().value();

        // Sign in: the email field has the focus when the page opens.
        open("login");
        assertThat(focusedName()).isEqualTo("Email");
        keys(email, Keys.TAB);
        assertThat(focusedName()).isEqualTo("Password");
        keys(TestAccounts.PASSWORD, Keys.ENTER);
        waitUntil(d -> currentPath().equals("/"));

        // View Profile from the avatar menu.
        tabTo("Margaret Hamilton");
        keys(Keys.ENTER);
        waitUntil(d -> pageText().contains("View Profile"));
        keys(Keys.ENTER);
        waitUntil(d -> currentPath().equals("/profile"));

        // Enable 2FA: the test plays the authenticator app.
        tabTo("Enable 2FA");
        keys(Keys.ENTER);
        waitUntil(d -> pageText().contains("Secret Key"));
        TotpSecret secret = TotpSecret.fromBase32(driver.findElement(By.id("two-factor-secret")).getText());
        tabTo("Enter Authenticator Code");
        keys(Totp.codeAt(secret, clock.instant()), Keys.ENTER);
        waitUntil(d -> pageText().contains("Two-factor authentication is on"));
        tabTo("I have saved these codes");
        keys(Keys.ENTER);
        waitUntil(d -> pageText().contains("Enabled") && !pageText().contains("Two-factor authentication is on"));

        // Edit Profile and a new picture. The file chooser is the operating system's: the test types the path
        // into the upload's file input once the Upload button has been reached by keyboard.
        tabTo("Edit Profile");
        keys(Keys.ENTER);
        waitUntil(d -> currentPath().equals("/profile/edit"));
        tabTo("Choose File");
        file = Files.createTempFile("portrait", ".jpg");
        Files.write(file, AvatarFixtures.jpeg(900, 900));
        fileInput().sendKeys(file.toAbsolutePath().toString());
        waitUntil(d -> pageText().contains("Preview: your new picture is kept when you save."));
        tabTo("Save Changes");
        keys(Keys.ENTER);
        waitUntil(d -> currentPath().equals("/profile"));

        // Sign out from the menu, then sign in with a code: the code field has the focus.
        tabTo("Margaret Hamilton");
        keys(Keys.ENTER);
        waitUntil(d -> pageText().contains("Sign out"));
        keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ENTER);
        waitUntil(d -> currentPath().equals("/login"));
        keys(email, Keys.TAB, TestAccounts.PASSWORD, Keys.ENTER);
        waitUntil(d -> currentPath().equals("/login/code"));
        assertThat(focusedName()).isEqualTo("Enter Authenticator Code");
        clock.advance(Duration.ofSeconds(30));
        keys(Totp.codeAt(secret, clock.instant()), Keys.ENTER);
        waitUntil(d -> currentPath().equals("/"));

        // Disable 2FA.
        open("profile");
        tabTo("Disable 2FA");
        keys(Keys.ENTER);
        waitUntil(d -> pageText().contains("Disable two-factor authentication?"));
        tabTo("Disable 2FA");
        keys(Keys.ENTER);
        waitUntil(d -> pageText().contains("Enable 2FA") && pageText().contains("Disabled"));

        assertThat(invisibleFocus).as("elements that had the keyboard focus without showing it").isEmpty();
    }

    /** Presses Tab (at most 40 times) until the named element has the focus, checking each stop on the way. */
    private void tabTo(String name) {
        List<Object> stops = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys(Keys.TAB);
            java.util.Map<?, ?> focus = focus();
            stops.add(focus);
            if (focus == null) {
                continue;
            }
            if (!Boolean.TRUE.equals(focus.get("shown"))) {
                invisibleFocus.add(currentPath() + ": " + focus);
            }
            if (name.equals(focus.get("name"))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached \"" + name + "\" on " + currentPath() + "; it stopped at " + stops);
    }

    private java.util.Map<?, ?> focus() {
        return (java.util.Map<?, ?>) js(FOCUS);
    }

    private String focusedName() {
        waitForVaadin();
        java.util.Map<?, ?> focus = focus();
        return focus == null ? null : (String) focus.get("name");
    }

    private void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        waitForVaadin();
    }

    private WebElement fileInput() {
        return waitForElement(() -> (WebElement) js("""
                const upload = document.querySelector('vaadin-upload');
                if (!upload) return null;
                return (upload.shadowRoot && upload.shadowRoot.querySelector('input[type=file]'))
                    || upload.querySelector('input[type=file]');
                """));
    }
}
