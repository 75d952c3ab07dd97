package com.practicalcrm.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.profile.ui.EditProfileView;
import com.practicalcrm.profile.ui.ProfileView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.menubar.MenuBarTester;

@PracticalCrmTest
class MainLayoutTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;

    @AfterEach
    void signOut() {
        accounts.signOut();
    }

    @Test
    void afterSignInTheHomeViewGreetsTheUserByName() {
        accounts.signIn(accounts.create("Hedy Lamarr"));
        HomeView home = navigate(HomeView.class);
        assertThat(home.greeting.getText()).isEqualTo("Welcome, Hedy Lamarr!");
    }

    @Test
    void avatarMenuInTheHeaderOffersViewProfileEditProfileAndSignOut() {
        UserProfile user = accounts.create("Radia Perlman");
        accounts.signIn(user);
        navigate(HomeView.class);

        MainLayout layout = $(MainLayout.class).single();
        Avatar avatar = $(Avatar.class).single();
        assertThat(avatar.getAbbreviation()).isEqualTo("RP");
        MenuItem root = layout.userMenu.getItems().getFirst();
        assertThat(root.getSubMenu().getItems()).extracting(MenuItem::getText)
                .containsExactly("View Profile", "Edit Profile", "Sign out");

        new MenuBarTester<>(layout.userMenu).clickItem(0, 0);
        assertThat(getCurrentView()).isInstanceOf(ProfileView.class);
        new MenuBarTester<>(layout.userMenu).clickItem(0, 1);
        assertThat(getCurrentView()).isInstanceOf(EditProfileView.class);
    }
}
