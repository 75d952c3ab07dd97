package com.practicalcrm.reauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.FactorGrantedAuthority;

import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.twofactor.SecondFactorPolicy;
import com.practicalcrm.twofactor.TotpVerification;
import com.practicalcrm.twofactor.TwoFactorFixture;
import com.practicalcrm.twofactor.TwoFactorService;
import com.practicalcrm.emailchange.EmailChangeService;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.profile.ui.EditProfileView;
import com.practicalcrm.profile.ui.ProfileView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.confirmdialog.ConfirmDialogTester;
import com.vaadin.flow.component.textfield.EmailField;

/** The "Confirm it's you" dialog itself, and one throttle across the flows that open it. */
@PracticalCrmTest
class ConfirmItsYouViewTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableTestClock clock;
    @Autowired
    ConfirmItsYou confirmItsYou;
    @Autowired
    ReauthenticationService reauthentication;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    EmailChangeService emailChanges;

    @AfterEach
    void cleanUp() {
        accounts.signOut();
        clock.reset();
    }

    @Test
    void withinTheWindowTheActionRunsAtOnceWithoutADialog() {
        accounts.signIn(accounts.create("Quick Changer"));
        AtomicInteger runs = new AtomicInteger();

        confirmItsYou.run(runs::incrementAndGet);
        confirmItsYou.run(runs::incrementAndGet);

        assertThat(runs).hasValue(2);
        assertThat(ConfirmItsYouPrompt.find()).isEmpty();
    }

    @Test
    void afterTheWindowTheActionWaitsForThePasswordAndCancelRunsNothing() {
        accounts.signIn(accounts.create("Slow Changer"));
        clock.advance(Duration.ofMinutes(11));
        AtomicInteger runs = new AtomicInteger();

        confirmItsYou.run(runs::incrementAndGet);
        ConfirmItsYouPrompt prompt = ConfirmItsYouPrompt.shown();
        assertThat(prompt.title()).isEqualTo("Confirm it's you");
        assertThat(prompt.fieldLabel()).isEqualTo("Password");
        assertThat(runs).hasValue(0);
        prompt.cancel();
        assertThat(runs).hasValue(0);

        confirmItsYou.run(runs::incrementAndGet);
        ConfirmItsYouPrompt.shown().type(TestAccounts.PASSWORD).pressEnter();

        assertThat(runs).hasValue(1);
        assertThat(ConfirmItsYouPrompt.find()).isEmpty();
        confirmItsYou.run(runs::incrementAndGet);
        assertThat(runs).as("several changes in a row ask once").hasValue(2);
    }

    @Test
    void withTwoFactorItAsksForTheCodeOrARecoveryCode() {
        UserProfile user = accounts.create("Code Asker");
        TwoFactorFixture.enable(twoFactor, clock, user.id());
        accounts.signIn(user, FactorGrantedAuthority.PASSWORD_AUTHORITY, SecondFactorPolicy.TOTP_AUTHORITY);
        clock.advance(Duration.ofMinutes(11));

        confirmItsYou.run(() -> { });
        ConfirmItsYouPrompt prompt = ConfirmItsYouPrompt.shown();
        assertThat(prompt.fieldLabel()).isEqualTo("Enter Authenticator Code");
        prompt.type("12").clickConfirm();
        assertThat(prompt.error()).isEqualTo("Enter the 6-digit code from your authenticator app, or a recovery "
                + "code as you saved it (e.g. k7fp-2xq9-mc4t).");

        prompt.useRecoveryCode();

        assertThat(prompt.fieldLabel()).isEqualTo("Recovery code");
        assertThat(prompt.error()).isNull();
    }

    @Test
    void anotherWayOfConfirmingIsOfferedAsAButtonAndItsSuccessRunsTheAction() {
        accounts.signIn(accounts.create("Other Way"));
        clock.advance(Duration.ofMinutes(11));
        AtomicInteger runs = new AtomicInteger();
        ConfirmationOption passkeyLike = new ConfirmationOption() {
            @Override
            public String buttonText() {
                return "Use a passkey";
            }

            @Override
            public boolean isAvailable() {
                return true;
            }

            @Override
            public void start(Callback callback) {
                reauthentication.recordConfirmation(ConfirmationFactor.PASSKEY);
                callback.confirmed();
            }
        };
        ConfirmItsYouDialog dialog = new ConfirmItsYouDialog(reauthentication, List.of(passkeyLike),
                runs::incrementAndGet);
        dialog.open();

        Button usePasskey = $(Button.class).withText("Use a passkey").single();
        test(usePasskey).click();

        assertThat(runs).hasValue(1);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(reauthentication.isRecentlyConfirmed()).isTrue();
    }

    @Test
    void fiveWrongCodesWhileChangingTheEmailMakeTheRightCodeWaitWhenDisabling2fa() {
        UserProfile user = accounts.create("Guessing Flows");
        TwoFactorFixture.Enabled app = TwoFactorFixture.enable(twoFactor, clock, user.id());
        accounts.signIn(user, FactorGrantedAuthority.PASSWORD_AUTHORITY, SecondFactorPolicy.TOTP_AUTHORITY);
        clock.advance(Duration.ofMinutes(11));
        String wrong = app.codeAt(clock.instant().minus(Duration.ofMinutes(5)));

        navigate(EditProfileView.class);
        test($(EmailField.class).single()).setValue(TestAccounts.uniqueEmail("guess.new"));
        test($(Button.class).withText("Save Changes").single()).click();
        ConfirmItsYouPrompt emailPrompt = ConfirmItsYouPrompt.shown();
        for (int i = 0; i < 5; i++) {
            emailPrompt.type(wrong).clickConfirm();
            assertThat(emailPrompt.error()).isEqualTo(TotpVerification.INVALID_MESSAGE);
        }
        emailPrompt.cancel();

        navigate(ProfileView.class);
        test($(Button.class).withText("Disable 2FA").single()).click();
        new ConfirmDialogTester($(ConfirmDialog.class).single()).confirm();
        ConfirmItsYouPrompt disablePrompt = ConfirmItsYouPrompt.shown();
        disablePrompt.type(app.codeAt(clock.instant())).clickConfirm();

        assertThat(disablePrompt.error()).matches("Too many wrong attempts\\. Try again in (29|30) seconds\\.");
        assertThat(disablePrompt.isOpen()).isTrue();
        assertThat(twoFactor.isEnabled(user.id())).isTrue();
        assertThat(emailChanges.pending(user.id())).isEmpty();
    }
}
