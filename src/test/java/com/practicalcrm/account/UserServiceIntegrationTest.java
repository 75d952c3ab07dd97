package com.practicalcrm.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.UserId;
import com.practicalcrm.jooq.Tables;
import com.practicalcrm.security.AppUserPrincipal;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.signin.ThrottledAuthenticationProvider;

@PracticalCrmTest
class UserServiceIntegrationTest {

    @Autowired
    UserService users;
    @Autowired
    ThrottledAuthenticationProvider signIn;
    @Autowired
    DSLContext dsl;
    @Autowired
    SecurityEventService events;

    @Test
    void newAccountIsStoredWithNormalizedEmailAndJoinDate() {
        String email = TestAccounts.uniqueEmail("Grace.Hopper").toUpperCase();
        Instant before = Instant.now().minusSeconds(1);

        UserId id = users.register("  Grace   Hopper ", "  " + email + " ", TestAccounts.PASSWORD, ClientInfo.UNKNOWN);

        UserProfile profile = users.findProfile(id).orElseThrow();
        assertThat(profile.fullName()).isEqualTo("Grace Hopper");
        assertThat(profile.email().value()).isEqualTo(email.toLowerCase());
        assertThat(profile.joinedAt()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(profile.initials()).isEqualTo("GH");
        assertThat(events.latest(id, 5)).extracting(e -> e.type()).containsExactly(SecurityEventType.ACCOUNT_CREATED);
    }

    @Test
    void passwordIsStoredAsArgon2idWithOwaspParameters() {
        UserProfile profile = users.findProfile(users.register("Ada Lovelace", TestAccounts.uniqueEmail("ada"),
                TestAccounts.PASSWORD, ClientInfo.UNKNOWN)).orElseThrow();
        String hash = dsl.select(Tables.APP_USER.PASSWORD_HASH).from(Tables.APP_USER)
                .where(Tables.APP_USER.ID.eq(profile.id().value())).fetchOne().value1();
        assertThat(hash).startsWith("{argon2id-19m-2i-1p}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hash).doesNotContain(TestAccounts.PASSWORD);
    }

    @Test
    void sameEmailInAnotherCaseIsRefusedWithAClearMessage() {
        String email = TestAccounts.uniqueEmail("alan");
        users.register("Alan Turing", email, TestAccounts.PASSWORD, ClientInfo.UNKNOWN);

        assertThatThrownBy(() -> users.register("Someone Else", email.toUpperCase(), TestAccounts.PASSWORD,
                ClientInfo.UNKNOWN))
                .isInstanceOf(EmailAlreadyInUseException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void databaseRefusesDuplicateEmailEvenWhenTheServiceCheckIsRaced() {
        String email = TestAccounts.uniqueEmail("race");
        users.register("First Racer", email, TestAccounts.PASSWORD, ClientInfo.UNKNOWN);
        // Insert behind the service's back with different case: the unique key's collation must catch it.
        assertThatThrownBy(() -> dsl.insertInto(Tables.APP_USER)
                .set(Tables.APP_USER.FULL_NAME, "Second Racer")
                .set(Tables.APP_USER.EMAIL, email.toUpperCase())
                .set(Tables.APP_USER.PASSWORD_HASH, "x")
                .set(Tables.APP_USER.JOINED_AT, java.time.LocalDateTime.now())
                .execute())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void weakPasswordIsRefusedWithTheReasonAndNothingIsStored() {
        String email = TestAccounts.uniqueEmail("weak");
        assertThatThrownBy(() -> users.register("Weak Password", email, "password1234", ClientInfo.UNKNOWN))
                .isInstanceOf(PasswordRejectedException.class)
                .hasMessageStartingWith("This password is too easy to guess.");
        assertThat(users.findProfileByEmail(email)).isEmpty();
    }

    @Test
    void invalidNameOrEmailIsRefused() {
        assertThatThrownBy(() -> users.register("  ", TestAccounts.uniqueEmail("x"), TestAccounts.PASSWORD,
                ClientInfo.UNKNOWN)).hasMessage("Enter your full name.");
        assertThatThrownBy(() -> users.register("No Email", "not-an-email", TestAccounts.PASSWORD,
                ClientInfo.UNKNOWN)).hasMessage("Enter a valid email address, like name@example.com");
    }

    @Test
    void nameWithLineBreaksOrDirectionOverridesIsNeverStored() {
        String email = TestAccounts.uniqueEmail("bidi");
        for (String name : List.of("Mallory\r\nINFO admin signed in", "Mallory \u202egnp.exe", "\u2066Mallory")) {
            assertThatThrownBy(() -> users.register(name, email, TestAccounts.PASSWORD, ClientInfo.UNKNOWN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(UserService.UNSAFE_NAME);
        }
        assertThat(users.findProfileByEmail(email)).isEmpty();
    }

    @Test
    void correctPasswordSignsInWithThePasswordFactor() {
        String email = TestAccounts.uniqueEmail("signin");
        UserId id = users.register("Sign In", email, TestAccounts.PASSWORD, ClientInfo.UNKNOWN);

        Authentication result = signIn.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(email.toUpperCase(), TestAccounts.PASSWORD));

        assertThat(((AppUserPrincipal) result.getPrincipal()).userId()).isEqualTo(id);
        assertThat(result.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_USER", FactorGrantedAuthority.PASSWORD_AUTHORITY);
    }

    @Test
    void wrongPasswordAndUnknownAccountFailAlike() {
        String email = TestAccounts.uniqueEmail("wrong");
        users.register("Wrong Password", email, TestAccounts.PASSWORD, ClientInfo.UNKNOWN);

        assertThatThrownBy(() -> signIn.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(email, "not-the-password-123")))
                .isInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
        assertThatThrownBy(() -> signIn.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(TestAccounts.uniqueEmail("nobody"),
                        TestAccounts.PASSWORD)))
                .isInstanceOf(BadCredentialsException.class).hasMessage("Bad credentials");
    }

}
