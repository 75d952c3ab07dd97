package com.practicalcrm.twofactor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.profile.ui.ProfileView;
import com.practicalcrm.reauth.ConfirmItsYouPrompt;
import com.practicalcrm.twofactor.SecondFactorPolicy;
import com.practicalcrm.twofactor.Totp;
import com.practicalcrm.twofactor.TotpSecret;
import com.practicalcrm.twofactor.TotpVerification;
import com.practicalcrm.twofactor.TwoFactorFixture;
import com.practicalcrm.twofactor.TwoFactorService;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;

/** The profile page's 2FA controls and the setup dialog, without a browser. */
@PracticalCrmTest
class TwoFactorSetupDialogTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    MutableTestClock clock;

    UserProfile user;
    TwoFactorSection section;

    @BeforeEach
    void openProfile() {
        user = accounts.create("Grace Hopper");
        accounts.signIn(user);
        navigate(ProfileView.class);
        section = $(TwoFactorSection.class).single();
    }

    @AfterEach
    void signOut() {
        accounts.signOut();
        clock.reset();
    }

    @Test
    void disabledStatusOffersEnable2fa() {
        assertThat(section.status.getText()).isEqualTo("Disabled");
        assertThat(section.enable.isVisible()).isTrue();
        assertThat(section.disable).as("made only when 2FA is on").isNull();
        assertThat(section.regenerate).isNull();
        assertThat(section.remainingCodes).isNull();
    }

    @Test
    void dialogShowsQrCodeSecretKeyLinkAndTenRecoveryCodes() {
        TwoFactorSetupDialog dialog = openSetup();

        assertThat(dialog.isOpened()).isTrue();
        Image qr = $(Image.class).single();
        assertThat(qr.getAlt()).hasValueSatisfying(alt -> assertThat(alt).contains("QR code"));
        assertThat(dialog.secretKey.getText()).matches("([A-Z2-7]{4} )+[A-Z2-7]{1,4}");
        assertThat(codesShown(dialog)).hasSize(10).allMatch(code -> code.matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}"));
        assertThat(dialog.code.getLabel()).isEqualTo("Enter Authenticator Code");
        assertThat(dialog.code.getElement().getAttribute("autocomplete")).isEqualTo("one-time-code");
        assertThat(dialog.verify.getText()).isEqualTo("Verify & Enable");
        assertThat(dialog.cancel.getText()).isEqualTo("Cancel Setup");
    }

    @Test
    void wrongCodeKeepsTheDialogOpenWithAClearMessage() {
        TwoFactorSetupDialog dialog = openSetup();
        String right = codeFor(dialog);
        dialog.code.setValue(right.equals("000000") ? "000001" : "000000");

        test(dialog.verify).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.code.isInvalid()).isTrue();
        assertThat(dialog.code.getErrorMessage()).isEqualTo(TotpVerification.INVALID_MESSAGE);
        assertThat(dialog.hasPendingSetup()).isTrue();
        assertThat(twoFactor.isEnabled(user.id())).isFalse();
    }

    @Test
    void cancelSetupDiscardsThePendingSecretAndCodes() {
        TwoFactorSetupDialog dialog = openSetup();

        test(dialog.cancel).click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(dialog.hasPendingSetup()).isFalse();
        assertThat(twoFactor.isEnabled(user.id())).isFalse();
        assertThat(section.status.getText()).isEqualTo("Disabled");
    }

    @Test
    void navigatingAwayDiscardsThePendingSetup() {
        TwoFactorSetupDialog dialog = openSetup();

        UI.getCurrent().navigate("");

        assertThat(dialog.hasPendingSetup()).isFalse();
        assertThat(twoFactor.isEnabled(user.id())).isFalse();
    }

    @Test
    void correctCodeEnablesAndShowsTheCodesOneLastTimeUntilConfirmed() {
        TwoFactorSetupDialog dialog = openSetup();
        List<String> codesBefore = codesShown(dialog);
        dialog.code.setValue(codeFor(dialog));

        test(dialog.verify).click();

        assertThat(twoFactor.isEnabled(user.id())).isTrue();
        assertThat(dialog.isOpened()).as("stays open until the user confirms").isTrue();
        assertThat(dialog.hasPendingSetup()).isFalse();
        assertThat(codesShown(dialog)).isEqualTo(codesBefore);
        assertThat(dialog.saved.getText()).isEqualTo("I have saved these codes");
        assertThat(section.status.getText()).isEqualTo("Enabled");
        assertThat(section.remainingCodes.getText()).isEqualTo("10 unused recovery codes.");
        assertThat(section.disable.isVisible()).isTrue();
        assertThat(section.regenerate.isVisible()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication().getAuthorities())
                .extracting(GrantedAuthority::getAuthority).as("this session proved the code")
                .contains(SecondFactorPolicy.TOTP_AUTHORITY);
        assertThat(((com.practicalcrm.security.AppUserPrincipal) SecurityContextHolder.getContext()
                .getAuthentication().getPrincipal()).credentialVersion())
                .as("this session goes on under the credential version that ended the others")
                .isEqualTo(twoFactor.credentialVersion(user.id()));

        test(dialog.saved).click();
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void enableAfterTheWindowAsksForThePasswordBeforeTheSetupOpens() {
        clock.advance(Duration.ofMinutes(11));

        test(section.enable).click();
        assertThat(section.setupDialog).as("no secret made before the confirmation").isNull();
        ConfirmItsYouPrompt.shown().type(TestAccounts.PASSWORD).clickConfirm();

        assertThat(section.setupDialog.isOpened()).isTrue();
    }

    @Test
    void disableAsksConfirmItsYouForACodeAndAsksAgainWhenWrong() {
        TwoFactorFixture.Enabled enabled = TwoFactorFixture.enable(twoFactor, clock, user.id());
        signInWithBothFactors();
        clock.advance(Duration.ofMinutes(11));
        UI.getCurrent().navigate("");
        navigate(ProfileView.class);
        section = $(TwoFactorSection.class).single();

        test(section.disable).click();
        assertThat(section.confirmDialog.getElement().getProperty("confirmText")).isEqualTo("Disable 2FA");
        confirm();
        ConfirmItsYouPrompt prompt = ConfirmItsYouPrompt.shown();
        assertThat(prompt.fieldLabel()).isEqualTo("Enter Authenticator Code");
        prompt.type(enabled.codeAt(clock.instant().minus(Duration.ofMinutes(5)))).clickConfirm();
        assertThat(prompt.isOpen()).as("open again, with the reason").isTrue();
        assertThat(prompt.error()).isEqualTo(TotpVerification.INVALID_MESSAGE);
        assertThat(twoFactor.isEnabled(user.id())).isTrue();

        prompt.type(enabled.codeAt(clock.instant())).pressEnter();

        assertThat(prompt.isOpen()).isFalse();
        assertThat(twoFactor.isEnabled(user.id())).isFalse();
        assertThat(section.status.getText()).isEqualTo("Disabled");
        assertThat(section.enable.isVisible()).isTrue();
        assertThat(section.disable.isVisible()).isFalse();
        assertThat(section.regenerate.isVisible()).isFalse();
        assertThat(section.remainingCodes.isVisible()).isFalse();
    }

    @Test
    void regenerateAcceptsARecoveryCodeAndAsksOnceForSeveralChanges() {
        TwoFactorFixture.Enabled enabled = TwoFactorFixture.enable(twoFactor, clock, user.id());
        signInWithBothFactors();
        clock.advance(Duration.ofMinutes(11));
        UI.getCurrent().navigate("");
        navigate(ProfileView.class);
        section = $(TwoFactorSection.class).single();

        test(section.regenerate).click();
        confirm();
        ConfirmItsYouPrompt.shown().useRecoveryCode().type(enabled.recoveryCodes().getFirst()).clickConfirm();

        assertThat(ConfirmItsYouPrompt.find()).isEmpty();
        assertThat(section.newCodesDialog.isOpened()).isTrue();
        List<String> shown = section.newCodesDialog.codes.list.getChildren()
                .map(item -> ((ListItem) item).getText()).toList();
        assertThat(shown).hasSize(10).doesNotContainAnyElementsOf(enabled.recoveryCodes());
        assertThat(twoFactor.useRecoveryCode(user.id(), enabled.recoveryCodes().get(1)).accepted()).isFalse();

        // A second change within the window does not ask again.
        section.newCodesDialog.close();
        test(section.regenerate).click();
        confirm();
        assertThat(ConfirmItsYouPrompt.find()).isEmpty();
        assertThat(section.newCodesDialog.isOpened()).isTrue();
    }

    /** What the browser does on the confirm button: close the dialog and send the confirm event. */
    private void confirm() {
        section.confirmDialog.close();
        ComponentUtil.fireEvent(section.confirmDialog, new ConfirmDialog.ConfirmEvent(section.confirmDialog, true));
    }

    private void signInWithBothFactors() {
        accounts.signIn(user, FactorGrantedAuthority.PASSWORD_AUTHORITY, SecondFactorPolicy.TOTP_AUTHORITY);
    }

    private TwoFactorSetupDialog openSetup() {
        test(section.enable).click();
        return section.setupDialog;
    }

    private String codeFor(TwoFactorSetupDialog dialog) {
        return Totp.codeAt(TotpSecret.fromBase32(dialog.secretKey.getText()), clock.instant());
    }

    private static List<String> codesShown(TwoFactorSetupDialog dialog) {
        return dialog.codes.list.getChildren().map(item -> ((ListItem) item).getText()).toList();
    }
}
