package com.practicalcrm.profile.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.common.ui.TableRows;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;

import tools.jackson.databind.node.BooleanNode;

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

    /**
     * The navigation's own answer (the slowest round trip of the load test) carries the top of the page: the
     * sections below the fold read their data and build their rows only when the browser asks for them.
     */
    @Test
    void sectionsBelowTheFoldReadTheirDataWhenTheBrowserAsks() {
        UserProfile grace = accounts.create("Grace Hopper");
        accounts.signIn(grace); // a sign-in event and this session

        ProfileView view = navigate(ProfileView.class);

        assertThat(view.activity.isVisible()).isFalse();
        assertThat(TableRows.of(view.activity.table)).isEmpty();
        assertThat(view.sessions.isVisible()).isFalse();
        long sections = view.getChildren().count();

        ProfilePage.browserAsksForLaterSections(view);

        assertThat(view.activity.isVisible()).isTrue();
        assertThat(TableRows.of(view.activity.table)).isNotEmpty();
        assertThat(view.sessions.isVisible()).isTrue();
        assertThat(view.getChildren().count()).as("with remembered browsers and your data").isEqualTo(sections + 2);
    }

    /**
     * Each script whose result the server awaits costs the browser a request of its own. Coming back to the profile
     * in the same page must not ask again what the browser already answered (whether it can use passkeys), and the
     * sessions section must not send one at all (Button.setEnabled's script for disable-on-click).
     */
    @Test
    void comingBackToTheProfileAsksTheBrowserNothingItAlreadyAnswered() {
        UserProfile ada = accounts.create("Ada Lovelace");
        accounts.signIn(ada);

        ProfilePage.browserAsksForLaterSections(navigate(ProfileView.class));
        List<PendingJavaScriptInvocation> first = scriptsOfTheNextAnswer();
        assertThat(expressions(first)).anyMatch(e -> e.contains("PracticalCrmPasskeys.supported()"))
                .noneMatch(e -> e.contains("this.disabled"));
        first.stream().filter(i -> i.getInvocation().getExpression().contains("PracticalCrmPasskeys.supported()"))
                .forEach(i -> i.complete(BooleanNode.TRUE)); // the browser's answer
        assertThat($(Button.class).withText("Add a passkey").single().isVisible()).isTrue();

        navigate(EditProfileView.class);
        scriptsOfTheNextAnswer();
        ProfilePage.browserAsksForLaterSections(navigate(ProfileView.class));

        assertThat(expressions(scriptsOfTheNextAnswer()))
                .noneMatch(e -> e.contains("PracticalCrmPasskeys.supported()"))
                .noneMatch(e -> e.contains("this.disabled"));
        assertThat($(Button.class).withText("Add a passkey").single().isVisible())
                .as("the answer of the first visit still counts").isTrue();
    }

    /** The scripts the server would send with its next answer, as it does when writing that answer. */
    private static List<PendingJavaScriptInvocation> scriptsOfTheNextAnswer() {
        UI ui = UI.getCurrent();
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return ui.getInternals().dumpPendingJavaScriptInvocations();
    }

    private static List<String> expressions(List<PendingJavaScriptInvocation> invocations) {
        return invocations.stream().map(i -> i.getInvocation().getExpression()).toList();
    }
}
