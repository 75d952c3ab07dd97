package com.practicalcrm.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.practicalcrm.HttpBrowserSession;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;

/**
 * Opening the profile and Edit Profile reads everything with single SELECTs and opens no transaction: with MariaDB's
 * driver each read-only transaction would cost three statements more than its SELECT (see
 * docs/design-decisions/DD-single-select-reads.md).
 */
@PracticalCrmTest
class ProfileStatementsTest {

    @LocalServerPort
    int port;
    @Autowired
    TestAccounts accounts;
    @Autowired
    DSLContext dsl;

    @Test
    void openingTheProfileWithItsLaterSectionsRunsNoTransaction() {
        HttpBrowserSession browser = signedIn(accounts.create("Counted Profile"));

        long transactionStatements = fewestTransactionStatements(browser, b -> {
            assertThat(b.vaadinView("profile")).contains("Counted Profile");
            assertThat(b.vaadinFollowUps()).anyMatch(answer -> answer.body().contains("Security activity"));
        });

        assertThat(transactionStatements).as("COMMIT and SET statements while opening the profile").isZero();
    }

    @Test
    void openingEditProfileRunsNoTransaction() {
        HttpBrowserSession browser = signedIn(accounts.create("Counted Edit"));

        long transactionStatements = fewestTransactionStatements(browser, b -> {
            assertThat(b.vaadinView("profile/edit")).contains("Email Address");
            b.vaadinFollowUps();
        });

        assertThat(transactionStatements).as("COMMIT and SET statements while opening Edit Profile").isZero();
    }

    /**
     * The counters are the server's, for all clients: work left over from signing in (mails, security events) may
     * commit during one visit, never during three, so the fewest of three is the visit's own count.
     */
    private long fewestTransactionStatements(HttpBrowserSession browser, Consumer<HttpBrowserSession> visit) {
        long fewest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = transactionStatements();
            visit.accept(browser);
            fewest = Math.min(fewest, transactionStatements() - before);
        }
        return fewest;
    }

    /** COMMITs and SETs (autocommit switched off and on around each transaction) the server has received so far. */
    private long transactionStatements() {
        return dsl.fetch("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_commit', 'Com_set_option')").stream()
                .mapToLong(row -> Long.parseLong(row.get(1, String.class))).sum();
    }

    private HttpBrowserSession signedIn(UserProfile user) {
        HttpBrowserSession browser = new HttpBrowserSession(port);
        browser.signIn(user.email().value(), TestAccounts.PASSWORD);
        assertThat(browser.isSignedIn()).isTrue();
        return browser;
    }
}
