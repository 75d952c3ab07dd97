package com.practicalcrm.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.practicalcrm.HttpBrowserSession;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.embedded.EmbeddedMariaDb;
import com.practicalcrm.profile.ui.ProfileView;
import com.practicalcrm.security.SecurityHeaderAssertions;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.zaxxer.hikari.HikariDataSource;

/** A real outage: the embedded MariaDB server is stopped and started again under the running app. */
@PracticalCrmTest
class DatabaseOutageTest extends SpringBrowserlessTest {

    @Autowired
    EmbeddedMariaDb database;
    @Autowired
    TestAccounts accounts;
    @Autowired
    DataSource dataSource;
    @LocalServerPort
    int port;

    @AfterEach
    void databaseIsBack() {
        database.restartIfStopped();
        accounts.signOut();
    }

    @Test
    void outageShowsAFriendlyPageAndTheAppRecoversByItselfWhenTheDatabaseIsBack() {
        UserProfile user = accounts.create("Outage Witness");
        accounts.signIn(user);

        database.stop();
        navigate("profile", ErrorView.class);
        ErrorView error = (ErrorView) getCurrentView();
        assertThat(error.title.getText()).isEqualTo("PracticalCRM is temporarily unavailable");
        assertThat(error.message.getText()).contains("try again").doesNotContainIgnoringCase("sql")
                .doesNotContain("Exception");

        database.restartIfStopped();
        ProfileView profile = navigate(ProfileView.class);
        assertThat(profile.getElement().getTextRecursively()).contains("Outage Witness");
    }

    @Test
    void fullPageLoadsOfSignedInUsersGetAFriendly503DuringTheOutageAndWorkAfterwards() throws SQLException {
        UserProfile user = accounts.create("Page Loader");
        HttpBrowserSession browser = new HttpBrowserSession(port);
        browser.signIn(user.email().value(), TestAccounts.PASSWORD);

        database.stop();
        HttpResponse<String> during = browser.get("/profile");
        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.body()).contains("PracticalCRM is temporarily unavailable")
                .doesNotContainIgnoringCase("sql").doesNotContain("Exception").doesNotContain("at com.");
        SecurityHeaderAssertions.assertProtected(during);
        // Connections opened before the outage are retired: Hikari would hand out one used in its last 500 ms
        // without checking it, and after a quick restart it would fail one more request.
        assertThat(dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().getTotalConnections())
                .as("connections left in the pool during the outage").isZero();

        database.restartIfStopped();
        assertThat(browser.get("/profile").statusCode()).isEqualTo(200);
    }
}
