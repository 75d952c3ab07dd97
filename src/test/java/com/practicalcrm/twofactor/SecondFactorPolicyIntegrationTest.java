package com.practicalcrm.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.security.AppUserPrincipal;

/**
 * The second-factor rule reads whether the account has 2FA on once per request: the session check, Spring's URL
 * rules and Vaadin's navigation guard all ask within one request, and each asking cost a database statement.
 */
@PracticalCrmTest
class SecondFactorPolicyIntegrationTest {

    @Autowired
    SecondFactorPolicy policy;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableTestClock clock;

    @AfterEach
    void endRequest() {
        RequestContextHolder.resetRequestAttributes();
        clock.reset();
    }

    @Test
    void twoFactorIsReadOncePerRequestAndAfreshInTheNextOne() {
        UserProfile user = accounts.create("Asked Once");
        Authentication passwordOnly = UsernamePasswordAuthenticationToken.authenticated(
                new AppUserPrincipal(user.id(), user.email().value(), null, 0), null,
                List.of(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                        .issuedAt(clock.instant()).build()));

        startRequest();
        assertThat(policy.isSecondFactorMissing(passwordOnly)).as("2FA is off").isFalse();
        TwoFactorFixture.enable(twoFactor, clock, user.id());
        assertThat(policy.isSecondFactorMissing(passwordOnly))
                .as("the same request keeps the answer it read").isFalse();

        startRequest();
        assertThat(policy.isSecondFactorMissing(passwordOnly)).as("the next request reads again").isTrue();

        RequestContextHolder.resetRequestAttributes();
        assertThat(policy.isSecondFactorMissing(passwordOnly)).as("outside a request it always reads").isTrue();
    }

    private static void startRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }
}
