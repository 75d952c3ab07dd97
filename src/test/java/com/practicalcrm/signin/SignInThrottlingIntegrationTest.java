package com.practicalcrm.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import com.practicalcrm.Concurrently;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.throttle.ThrottlePolicy;
import com.practicalcrm.security.throttle.ThrottleScope;

@PracticalCrmTest
class SignInThrottlingIntegrationTest {

    @Autowired
    ThrottledAuthenticationProvider signIn;
    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableTestClock clock;
    @Autowired
    Throttle throttle;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordMustWait30Seconds() {
        UserProfile user = accounts.create("Throttled User");
        String address = uniqueAddress();
        failFiveTimes(user.email().value(), address);

        assertThatThrownBy(() -> attempt(user.email().value(), TestAccounts.PASSWORD, address))
                .isInstanceOfSatisfying(SignInThrottledException.class, e ->
                        assertThat(Duration.between(clock.instant(), e.retryAt()))
                                .isBetween(Duration.ofSeconds(25), Duration.ofSeconds(30)));

        clock.advance(Duration.ofSeconds(31));
        assertThat(attempt(user.email().value(), TestAccounts.PASSWORD, address).isAuthenticated()).isTrue();
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpTo15Minutes() {
        UserProfile user = accounts.create("Doubling User");
        String email = user.email().value();
        String address = uniqueAddress();
        failFiveTimes(email, address);
        for (int expectedMinutes : new int[] {1, 2, 4, 8, 15, 15}) {
            clock.advance(throttle.blockedUntil(ThrottleScope.SIGN_IN_ACCOUNT, email)
                    .map(until -> Duration.between(clock.instant(), until).plusSeconds(1)).orElseThrow());
            assertThatThrownBy(() -> attempt(email, "wrong-password-xyz", address))
                    .isInstanceOf(BadCredentialsException.class);
            Duration wait = Duration.between(clock.instant(),
                    throttle.blockedUntil(ThrottleScope.SIGN_IN_ACCOUNT, email).orElseThrow());
            assertThat(wait).isBetween(Duration.ofMinutes(expectedMinutes).minusSeconds(5),
                    Duration.ofMinutes(expectedMinutes));
        }
    }

    @Test
    void successfulSignInClearsTheAccountCount() {
        UserProfile user = accounts.create("Forgetful User");
        String address = uniqueAddress();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> attempt(user.email().value(), "wrong-password-xyz", address))
                    .isInstanceOf(BadCredentialsException.class);
        }
        attempt(user.email().value(), TestAccounts.PASSWORD, address);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> attempt(user.email().value(), "wrong-password-xyz", uniqueAddress()))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(throttle.blockedUntil(ThrottleScope.SIGN_IN_ACCOUNT, user.email().value())).isEmpty();
    }

    @Test
    void twentyWrongPasswordsFromOneOfficeAddressDoNotStopAColleague() {
        String office = uniqueAddress();
        for (int account = 0; account < 5; account++) {
            UserProfile typist = accounts.create("Typist " + account);
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> attempt(typist.email().value(), "wrong-password-xyz", office))
                        .isInstanceOf(BadCredentialsException.class);
                clock.advance(Duration.ofSeconds(10));
            }
        }
        UserProfile colleague = accounts.create("Careful Colleague");
        assertThat(attempt(colleague.email().value(), TestAccounts.PASSWORD, office).isAuthenticated()).isTrue();
    }

    @Test
    void aHundredFailuresWithin15MinutesThrottleTheAddressUntilTheWindowIsOver() {
        String address = uniqueAddress();
        Instant windowStart = clock.instant();
        for (int i = 0; i < ThrottlePolicy.ADDRESS_MAX_FAILURES; i++) {
            String someone = TestAccounts.uniqueEmail("spray" + i);
            assertThatThrownBy(() -> attempt(someone, "guess-password-1", address))
                    .as("failure %d of the address", i + 1).isInstanceOf(BadCredentialsException.class);
            clock.advance(Duration.ofSeconds(5));
        }
        UserProfile victim = accounts.create("Sprayed User");
        assertThatThrownBy(() -> attempt(victim.email().value(), TestAccounts.PASSWORD, address))
                .isInstanceOfSatisfying(SignInThrottledException.class, e -> assertThat(e.retryAt())
                        .as("15 minutes after the window's first failure, not after the last one")
                        .isBetween(windowStart.plus(ThrottlePolicy.ADDRESS_WINDOW),
                                windowStart.plus(ThrottlePolicy.ADDRESS_WINDOW).plusSeconds(30)));
        // The same account from another address is not affected by that address's failures.
        assertThat(attempt(victim.email().value(), TestAccounts.PASSWORD, uniqueAddress()).isAuthenticated())
                .isTrue();

        clock.advance(Duration.between(clock.instant(), windowStart.plus(ThrottlePolicy.ADDRESS_WINDOW))
                .plusSeconds(1));
        assertThat(attempt(victim.email().value(), TestAccounts.PASSWORD, address).isAuthenticated()).isTrue();
        // A new window: one more failure does not throttle the address again.
        assertThatThrownBy(() -> attempt(TestAccounts.uniqueEmail("spray-next"), "guess-password-1", address))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(throttle.blockedUntil(ThrottleScope.SIGN_IN_ADDRESS, address)).isEmpty();
    }

    @Test
    void aDayWithoutFailuresStartsTheCountAfresh() {
        UserProfile user = accounts.create("Patient User");
        String address = uniqueAddress();
        failFiveTimes(user.email().value(), address);
        clock.advance(Duration.ofHours(25));
        assertThatThrownBy(() -> attempt(user.email().value(), "wrong-password-xyz", uniqueAddress()))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(throttle.blockedUntil(ThrottleScope.SIGN_IN_ACCOUNT, user.email().value())).isEmpty();
    }

    @Test
    void thirtyParallelWrongPasswordsAreAtMostFiveCheckedAndTheAccountThenWaits() throws Exception {
        UserProfile user = accounts.create("Parallel Password Guesser");
        String email = user.email().value();
        int attempts = 30;
        // Few threads, as Argon2 is slow: they still race, and every check happens after the latch opens.
        List<String> outcomes = Concurrently.run(attempts, 8, () -> {
            try {
                attempt(email, "wrong-password-xyz", uniqueAddress());
                return "signed in";
            } catch (BadCredentialsException checked) {
                return "checked";
            } catch (SignInThrottledException refused) {
                return "refused";
            }
        });

        // Each attempt is counted before its password is checked, so only the 5 free ones are checked.
        assertThat(outcomes).filteredOn("checked"::equals).hasSize(ThrottlePolicy.FREE_ATTEMPTS);
        assertThat(outcomes).filteredOn("refused"::equals).hasSize(attempts - ThrottlePolicy.FREE_ATTEMPTS);
        assertThatThrownBy(() -> attempt(email, TestAccounts.PASSWORD, uniqueAddress()))
                .isInstanceOf(SignInThrottledException.class);
    }

    private void failFiveTimes(String email, String address) {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> attempt(email, "wrong-password-xyz", address))
                    .isInstanceOf(BadCredentialsException.class);
        }
    }

    private Authentication attempt(String email, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return signIn.authenticate(token);
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

    private static String uniqueAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10.9." + (n / 250) + "." + (n % 250);
    }
}
