package com.practicalcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.SignUpMails;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.UserService;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;

/**
 * The manual's "Viewing Your Profile", from creating an account (confirmed by the link in the mail) to the profile
 * page, in Chromium.
 */
@PracticalCrmTest
class AccountWalkthroughIT extends BrowserTest {

    @Autowired
    GreenMail greenMail;
    @Autowired
    UserService users;
    @Autowired
    SecurityEventService events;

    @Test
    void newUserCreatesAnAccountSignsInAndViewsTheirProfile() {
        String email = TestAccounts.uniqueEmail("Lise.Meitner");

        open("profile");
        assertThat(currentPath()).isEqualTo("/login");

        click("Create account");
        type("Full name", "Lise Meitner");
        type("Email", email);
        type("Password", "short");
        assertThat(pageText()).contains("Use at least 12 characters");
        type("Password", TestAccounts.PASSWORD);
        click("Create account");
        waitUntil(d -> pageText().contains("Check your email"));
        assertThat(pageText()).contains("We sent a message to " + email.toLowerCase() + ".");

        // Before the address is confirmed, the right password is told to open the link, and nothing more.
        click("Sign in");
        waitUntil(d -> currentPath().equals("/login"));
        signIn(email.toUpperCase());
        waitUntil(d -> pageText().contains("Confirm your email address first"));
        assertThat(currentPath()).isEqualTo("/login");
        assertThat(pageText()).contains("Your password is correct, but the address " + email.toLowerCase());
        assertThat(byText("Send the link again").isDisplayed()).isTrue();
        UserProfile account = users.findProfileByEmail(email).orElseThrow();
        assertThat(events.latest(account.id(), 5)).extracting(e -> e.type())
                .containsExactly(SecurityEventType.SIGN_IN_UNCONFIRMED, SecurityEventType.ACCOUNT_CREATED);

        String link = SignUpMails.awaitConfirmationLink(greenMail, email.toLowerCase());
        open(link.substring(link.indexOf("confirm-account?token=")));
        assertThat(pageText()).contains("Confirm your email address");
        click("Confirm email address");
        waitUntil(d -> pageText().contains("Email address confirmed"));

        click("Sign in");
        waitUntil(d -> currentPath().equals("/login"));
        signIn(email.toUpperCase());
        // Sign-in returns to the page first asked for.
        waitUntil(d -> currentPath().equals("/profile"));

        open("");
        assertThat(pageText()).contains("Welcome, Lise Meitner!");

        WebElement avatar = driver.findElement(By.cssSelector("vaadin-menu-bar vaadin-avatar"));
        assertThat(avatar.getAttribute("abbr")).isEqualTo("LM");
        avatar.click();
        waitForVaadin();
        click("View Profile");
        waitUntil(d -> currentPath().equals("/profile"));

        String today = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.UK)
                .format(LocalDate.now(ZoneId.systemDefault()));
        String text = pageText();
        assertThat(text).contains("Lise Meitner");
        assertThat(text).contains("Joined " + today);
        assertThat(text).contains("Email").contains(email.toLowerCase());
        assertThat(text).contains("Disabled");
        assertThat(driver.findElement(By.cssSelector(".profile-header vaadin-avatar")).getAttribute("abbr"))
                .isEqualTo("LM");
    }

    private void signIn(String email) {
        type("Email", email);
        type("Password", TestAccounts.PASSWORD);
        click("Sign in");
    }

    @Test
    void wrongPasswordShowsOneGenericMessage() {
        open("login");
        type("Email", TestAccounts.uniqueEmail("nobody"));
        type("Password", "not-the-right-password");
        click("Sign in");
        waitUntil(d -> pageText().contains("Incorrect email or password"));
        assertThat(currentPath()).isEqualTo("/login");
    }
}
