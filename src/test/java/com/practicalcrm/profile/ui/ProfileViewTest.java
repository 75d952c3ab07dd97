package com.practicalcrm.profile.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;

@PracticalCrmTest
class ProfileViewTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;

    @AfterEach
    void signOut() {
        accounts.signOut();
    }

    @Test
    void profileShowsAvatarNameJoinDateEmailAndTwoFactorDisabled() {
        UserProfile marie = accounts.create("Marie Curie");
        accounts.signIn(marie);
        UI.getCurrent().setLocale(Locale.UK);

        ProfileView view = navigate(ProfileView.class);

        assertThat(view.avatar.getAbbreviation()).isEqualTo("MC");
        assertThat(view.avatar.getName()).isEqualTo("Marie Curie");
        assertThat(view.name.getText()).isEqualTo("Marie Curie");
        String expectedDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.UK)
                .format(marie.joinedAt().atZone(ZoneOffset.UTC));
        assertThat(view.joined.getText()).isEqualTo("Joined " + expectedDate);
        assertThat(view.email.getText()).isEqualTo(marie.email().value());
        assertThat(view.twoFactorStatus.getText()).isEqualTo("Disabled");
    }

    @Test
    void eachUserSeesTheirOwnProfile() {
        UserProfile pierre = accounts.create("Pierre Curie");
        accounts.create("Someone Else");
        accounts.signIn(pierre);

        ProfileView view = navigate(ProfileView.class);

        assertThat(view.email.getText()).isEqualTo(pierre.email().value());
    }
}
