package com.practicalcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.MailTexts;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.HttpBrowserSession;
import com.practicalcrm.twofactor.Totp;
import com.practicalcrm.twofactor.TotpSecret;
import com.practicalcrm.twofactor.TwoFactorFixture;
import com.practicalcrm.twofactor.TwoFactorService;
import com.practicalcrm.account.UserProfile;

/**
 * Every page and dialog at 1280 px and 360 px, light and dark, in one Chromium: each is saved to
 * {@code target/screenshots/} (the README's pictures come from there) and checked by axe-core (no serious or
 * critical violation) and, at 360 px, for sideways scrolling and touch targets under 44 px.
 */
@PracticalCrmTest
class ScreenGalleryIT extends BrowserTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    MutableTestClock clock;
    @Autowired
    GreenMail greenMail;

    private ScreenChecks checks;
    private final List<String> problems = new ArrayList<>();
    /** Screen name to the number of serious or critical axe findings per look, for the report. */
    private final Map<String, Map<String, Integer>> axeReport = new LinkedHashMap<>();
    private Path picture;

    @AfterEach
    void cleanUp() throws IOException {
        clock.reset();
        if (picture != null) {
            Files.deleteIfExists(picture);
        }
    }

    @Test
    void everyScreenInBothThemesAndWidthsPassesAxeFitsAPhoneAndIsPhotographed() throws IOException {
        checks = new ScreenChecks(driver);
        picture = Files.createTempFile("portrait", ".png");
        Files.write(picture, portrait());
        // -Dgallery.looks=360-dark,... narrows the run while working on one look.
        String only = System.getProperty("gallery.looks", "");
        for (ScreenChecks.Look look : ScreenChecks.LOOKS) {
            if (!only.isBlank() && !List.of(only.split(",")).contains(look.name())) {
                continue;
            }
            checks.use(look);
            anonymousScreens();
            screensWithoutTwoFactor();
            screensWithTwoFactor();
        }
        System.out.println("axe-core serious/critical findings per screen (1280 light, 1280 dark, 360 light, 360 dark): ");
        axeReport.forEach((screen, counts) -> System.out.println("  " + screen + " " + counts.values()));
        checks.minor.stream().distinct().forEach(line -> System.out.println("  moderate/minor: " + line));
        assertThat(problems).as("problems found on the screens").isEmpty();
    }

    private void anonymousScreens() {
        driver.manage().deleteAllCookies();
        open("login");
        screen("sign-in", false);

        open("login?error");
        screen("sign-in-error", false);

        open("create-account");
        screen("create-account", false);
        type("Full name", "Grace Hopper");
        type("Email", TestAccounts.uniqueEmail("grace"));
        type("Password", "123");
        screen("create-account-weak-password", false);

        String email = accounts.create("Mary Jackson").email().value();
        open("forgot-password");
        screen("forgot-password", false);
        type("Email", email);
        click("Send link");
        waitUntil(d -> pageText().contains("If an account exists for that address"));
        screen("forgot-password-sent", false);
        open(MailTexts.resetPath(TestMailServer.awaitMessagesTo(greenMail, email, 1).getFirst()));
        screen("reset-password", false);

        open("reset-password/no-such-link");
        screen("reset-password-invalid-link", false);
        open("confirm-account?token=no-such-link");
        screen("confirm-account-invalid-link", false);
        open("confirm-email?token=no-such-link");
        screen("confirm-email-invalid-link", false);
    }

    private void screensWithoutTwoFactor() {
        UserProfile user = accounts.create("Dorothy Vaughan");
        // A second session (another browser), so that "Sign out other sessions" has something to do.
        HttpBrowserSession otherBrowser = new HttpBrowserSession(port);
        otherBrowser.signIn(user.email().value(), TestAccounts.PASSWORD);
        assertThat(otherBrowser.isSignedIn()).isTrue();
        signIn(user.email().value());
        waitUntil(d -> currentPath().equals("/"));
        screen("home", false);

        driver.findElement(By.cssSelector("vaadin-menu-bar vaadin-avatar")).click();
        waitForVaadin();
        waitUntil(d -> pageText().contains("View Profile"));
        screen("user-menu", true);
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.ESCAPE).perform();
        waitForVaadin();

        open("profile");
        screen("profile", false);

        click("Sign out other sessions");
        waitUntil(d -> dialogOpen());
        screen("sign-out-other-sessions-dialog", true);
        // Past the 10 minutes after sign-in, the sign-out asks "Confirm it's you" first.
        clock.advance(Duration.ofMinutes(11));
        confirmButton("Sign out other sessions").click();
        waitForVaadin();
        waitUntil(d -> pageText().contains("Confirm it's you"));
        screen("confirm-its-you-dialog", true);
        type("Password", "not-my-password-at-all");
        field("Password").sendKeys(Keys.ENTER);
        waitUntil(d -> pageText().contains("That password is not correct."));
        screen("confirm-its-you-wrong-password", true);
        type("Password", TestAccounts.PASSWORD);
        field("Password").sendKeys(Keys.ENTER);
        waitUntil(d -> !dialogOpen());

        open("profile/edit");
        screen("edit-profile", false);
        fileInput().sendKeys(picture.toAbsolutePath().toString());
        waitUntil(d -> pageText().contains("Preview: your new picture is kept when you save."));
        screen("edit-profile-new-picture", false);
        type("Email Address", TestAccounts.uniqueEmail("dorothy"));
        screen("edit-profile-new-address", false);
        click("Save Changes");
        waitUntil(d -> currentPath().equals("/profile") && pageText().contains("Cancel email change"));

        // The notice of the saved change fades after a few seconds; the dialog screenshots should not show it.
        js("document.querySelectorAll('vaadin-notification').forEach(n => n.close())");
        click("Enable 2FA");
        waitUntil(d -> pageText().contains("Secret Key"));
        screen("two-factor-setup-dialog", true);
        TotpSecret secret = TotpSecret.fromBase32(driver.findElement(By.id("two-factor-secret")).getText());
        type("Enter Authenticator Code", Totp.codeAt(secret, clock.instant()).equals("000000") ? "111111" : "000000");
        click("Verify & Enable");
        waitUntil(d -> pageText().contains("That code is not correct."));
        screen("two-factor-setup-wrong-code", true);
        type("Enter Authenticator Code", Totp.codeAt(secret, clock.instant()));
        click("Verify & Enable");
        waitUntil(d -> pageText().contains("Two-factor authentication is on"));
        screen("two-factor-enabled-dialog", true);
        click("I have saved these codes");
        waitUntil(d -> !dialogOpen());
        clock.reset();
    }

    private void screensWithTwoFactor() {
        UserProfile user = accounts.create("Katherine Johnson");
        TwoFactorFixture.Enabled enabled = TwoFactorFixture.enable(twoFactor, clock, user.id());
        driver.manage().deleteAllCookies();
        signIn(user.email().value());
        waitUntil(d -> currentPath().equals("/login/code"));
        screen("code-step", false);
        type("Enter Authenticator Code", "12345");
        click("Verify");
        waitUntil(d -> pageText().contains("code"));
        screen("code-step-wrong-code", false);
        click("Use a recovery code");
        waitUntil(d -> pageText().contains("Recovery code"));
        screen("code-step-recovery-code", false);
        click("Use your authenticator app instead");
        clock.advance(Duration.ofSeconds(30));
        type("Enter Authenticator Code", enabled.codeAt(clock.instant()));
        click("Verify");
        waitUntil(d -> currentPath().equals("/"));

        open("profile");
        screen("profile-two-factor-enabled", false);
        click("Disable 2FA");
        waitUntil(d -> dialogOpen());
        screen("disable-two-factor-dialog", true);
        closeDialog();
        // With 2FA on, "Confirm it's you" asks for a code (10 minutes after signing in).
        clock.advance(Duration.ofMinutes(11));
        click("Disable 2FA");
        waitUntil(d -> dialogOpen());
        confirmDialogButton("Disable 2FA").click();
        waitUntil(d -> pageText().contains("Confirm it's you"));
        screen("confirm-its-you-code", true);
        click("Cancel");
        waitUntil(d -> !dialogOpen());
        click("Regenerate recovery codes");
        waitUntil(d -> dialogOpen());
        screen("regenerate-recovery-codes-dialog", true);
        confirmDialogButton("Regenerate recovery codes").click();
        waitUntil(d -> pageText().contains("Confirm it's you"));
        clock.advance(Duration.ofSeconds(30));
        type("Enter Authenticator Code", enabled.codeAt(clock.instant()));
        click("Confirm");
        waitUntil(d -> pageText().contains("Your new recovery codes"));
        screen("new-recovery-codes-dialog", true);
        click("I have saved these codes");
        clock.reset();
    }

    /** Photographs and checks the screen as it is now. */
    private void screen(String name, boolean dialog) {
        waitForVaadin();
        // Lets transitions (dialog opening, menu fading in) end before the picture and the contrast checks.
        js("return new Promise(r => setTimeout(r, 350))");
        ScreenChecks.Look look = checks.look();
        String where = name + " @ " + look.name() + ": ";
        List<String> axe = checks.axeViolations();
        axeReport.computeIfAbsent(name, k -> new LinkedHashMap<>()).put(look.name(), axe.size());
        axe.forEach(v -> problems.add(where + "axe " + v));
        if (look.phone()) {
            checks.horizontalOverflow().forEach(o -> problems.add(where + "sideways: " + o));
            checks.smallTouchTargets().forEach(t -> problems.add(where + "touch target under 44 px: " + t));
        }
        checks.screenshot(name, !dialog);
    }

    private boolean dialogOpen() {
        return Boolean.TRUE.equals(js("return [...document.querySelectorAll('vaadin-dialog, vaadin-confirm-dialog')]"
                + ".some(d => d.opened)"));
    }

    private void closeDialog() {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.ESCAPE).perform();
        waitUntil(d -> !dialogOpen());
    }

    private void signIn(String email) {
        open("login");
        type("Email", email);
        type("Password", TestAccounts.PASSWORD);
        click("Sign in");
        waitUntil(d -> !currentPath().equals("/login"));
    }

    private WebElement confirmDialogButton(String text) {
        return waitForElement(() -> (WebElement) js(
                "return [...document.querySelectorAll('vaadin-confirm-dialog vaadin-button')]"
                        + ".find(b => b.textContent.trim() === arguments[0]) || null;", text));
    }

    /** A button of the open Dialog (not a ConfirmDialog) by its text. */
    private WebElement confirmButton(String text) {
        return waitForElement(() -> (WebElement) js(
                "return [...document.querySelectorAll('vaadin-dialog vaadin-button')]"
                        + ".find(b => b.textContent.trim() === arguments[0] && b.getClientRects().length) || null;",
                text));
    }

    private WebElement fileInput() {
        return waitForElement(() -> (WebElement) js("""
                const upload = document.querySelector('vaadin-upload');
                if (!upload) return null;
                return (upload.shadowRoot && upload.shadowRoot.querySelector('input[type=file]'))
                    || upload.querySelector('input[type=file]');
                """));
    }

    /** A friendly picture for the avatar: a warm gradient with a light disc, 800 x 600. */
    private static byte[] portrait() throws IOException {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x2b6cb0), 800, 600, new Color(0xed8936)));
        g.fillRect(0, 0, 800, 600);
        g.setColor(new Color(255, 255, 255, 200));
        g.fillOval(300, 120, 200, 200);
        g.fillOval(220, 340, 360, 320);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
