package com.practicalcrm.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.UserService;
import com.practicalcrm.profile.ui.ProfilePage;
import com.practicalcrm.profile.ui.ProfileView;
import com.practicalcrm.reauth.ConfirmItsYouPrompt;
import com.vaadin.browserless.SpringBrowserlessTest;

/** The profile's "Your data": Download my data offers the file; Delete account wants the address typed. */
@PracticalCrmTest
class YourDataSectionTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    UserService users;
    @Autowired
    MutableTestClock clock;

    @AfterEach
    void signOut() {
        accounts.signOut();
        clock.reset();
    }

    @Test
    void downloadOffersTheJsonFile() {
        UserProfile user = accounts.create("Data Downloader");
        accounts.signIn(user);

        ProfilePage.browserAsksForLaterSections(navigate(ProfileView.class));
        YourDataSection section = $(YourDataSection.class).single();
        test(section.download).click();

        assertThat(section.file).isNotNull();
        assertThat(section.file.getText()).isEqualTo("Save practicalcrm-my-data.json");
        assertThat(section.file.getHref()).isNotBlank();
    }

    @Test
    void deleteAccountRefusesAnotherAddressAndKeepsTheAccount() {
        UserProfile user = accounts.create("Almost Leaving");
        accounts.signIn(user);

        ProfilePage.browserAsksForLaterSections(navigate(ProfileView.class));
        YourDataSection section = $(YourDataSection.class).single();
        test(section.delete).click();
        DeleteAccountDialog dialog = $(DeleteAccountDialog.class).single();
        assertThat(dialog.email.getHelperText()).isEqualTo(user.email().value());
        test(dialog.email).setValue("someone-else@test.example");
        test(dialog.confirm).click();

        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat(dialog.email.getErrorMessage()).contains("not your account's email address");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(users.findProfile(user.id())).isPresent();
    }

    @Test
    void aStaleConfirmationAsksConfirmItsYouBeforeTheDownload() {
        UserProfile user = accounts.create("Stale Downloader");
        accounts.signIn(user);
        clock.advance(Duration.ofMinutes(11));

        ProfilePage.browserAsksForLaterSections(navigate(ProfileView.class));
        YourDataSection section = $(YourDataSection.class).single();
        test(section.download).click();

        assertThat(section.file).as("nothing offered before confirming").isNull();
        ConfirmItsYouPrompt.shown().type(TestAccounts.PASSWORD).pressEnter();
        assertThat(section.file).isNotNull();
    }
}
