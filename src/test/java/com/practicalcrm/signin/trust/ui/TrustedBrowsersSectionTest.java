package com.practicalcrm.signin.trust.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.profile.ui.ProfileView;
import com.practicalcrm.signin.trust.TrustedBrowsers;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;

/** The profile's "Remembered browsers": the list and Remove. */
@PracticalCrmTest
class TrustedBrowsersSectionTest extends SpringBrowserlessTest {

    private static final ClientInfo FIREFOX = new ClientInfo("198.51.100.7",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0");

    @Autowired
    TestAccounts accounts;
    @Autowired
    TrustedBrowsers trustedBrowsers;

    @AfterEach
    void signOut() {
        accounts.signOut();
    }

    @Test
    void listsRememberedBrowsersAndRemovesOne() {
        UserProfile user = accounts.create("Remembered Browsers");
        trustedBrowsers.remember(user.id(), FIREFOX);
        accounts.signIn(user);

        navigate(ProfileView.class);
        TrustedBrowsersSection section = $(TrustedBrowsersSection.class).single();
        var grid = test(section.grid);
        assertThat(grid.size()).isOne();
        assertThat(grid.getCellText(0, 0)).isEqualTo("Firefox 128 on Windows");
        assertThat(grid.getCellText(0, 1)).isEqualTo("198.51.100.7");
        assertThat(section.empty.isVisible()).isFalse();

        test((Button) grid.getCellComponent(0, 4)).click();

        assertThat(trustedBrowsers.list(user.id())).isEmpty();
        assertThat(section.grid.isVisible()).isFalse();
        assertThat(section.empty.isVisible()).isTrue();
    }
}
