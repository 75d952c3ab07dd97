package com.practicalcrm.signin.trust.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.ui.TableRows;
import com.practicalcrm.profile.ui.ProfilePage;
import com.practicalcrm.profile.ui.ProfileView;
import com.practicalcrm.signin.trust.TrustedBrowsers;
import com.vaadin.browserless.SpringBrowserlessTest;

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

        ProfilePage.browserAsksForLaterSections(navigate(ProfileView.class));
        TrustedBrowsersSection section = $(TrustedBrowsersSection.class).single();
        assertThat(TableRows.headers(section.table))
                .containsExactly("Browser", "Address when added", "Added", "Last used", "");
        assertThat(TableRows.of(section.table)).hasSize(1);
        assertThat(TableRows.of(section.table).getFirst().subList(0, 2))
                .containsExactly("Firefox 128 on Windows", "198.51.100.7");
        assertThat(section.intro.html()).contains("Remembered browsers").doesNotContain("No browser is remembered.");

        TableRows.click(section.table, "Remove Firefox 128 on Windows");

        assertThat(trustedBrowsers.list(user.id())).isEmpty();
        assertThat(section.table.isVisible()).isFalse();
        assertThat(section.intro.html()).contains("No browser is remembered.");
    }

    @Test
    void withNoRememberedBrowserTheSectionIsItsTextsAndNoTable() {
        UserProfile user = accounts.create("Nothing Remembered");
        accounts.signIn(user);

        ProfilePage.browserAsksForLaterSections(navigate(ProfileView.class));
        TrustedBrowsersSection section = $(TrustedBrowsersSection.class).single();

        assertThat(section.table).isNull();
        assertThat(section.intro.html()).contains("<h2>Remembered browsers</h2>", "No browser is remembered.");
        assertThat(section.getElement().getChildCount()).as("heading and texts in one element").isOne();
    }
}
