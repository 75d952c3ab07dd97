package com.practicalcrm.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.practicalcrm.ConfirmedActions;
import com.practicalcrm.MailTexts;
import com.practicalcrm.MutableTestClock;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.TestMailServer;
import com.practicalcrm.avatar.AvatarFixtures;
import com.practicalcrm.avatar.AvatarService;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.LinkToken;
import com.practicalcrm.common.UserId;
import com.practicalcrm.sessions.UserSessions;
import com.practicalcrm.security.throttle.Throttle;
import com.practicalcrm.security.throttle.ThrottleScope;
import com.practicalcrm.twofactor.TwoFactorFixture;
import com.practicalcrm.twofactor.TwoFactorService;
import com.practicalcrm.signin.trust.NewSignInAlerts;
import com.practicalcrm.signin.trust.TrustedBrowsers;
import com.practicalcrm.emailchange.EmailChangeService;
import com.practicalcrm.account.UserService;
import com.practicalcrm.passwordreset.PasswordResetService;
import com.practicalcrm.account.SignUpMails;
import com.practicalcrm.account.SignUpService;

/**
 * An account with a row in every table that can hold something of it, made through the features' own services:
 * signed up and confirmed, a picture, 2FA with a used recovery code, a pending email change, a reset link,
 * sessions, a remembered browser, two known browsers and a new-sign-in alert, failed attempts (throttle counters).
 * Keeps every secret handed out (link tokens, cookie values) so that tests can look for them.
 */
final class LoadedAccount {

    private static final Pattern ALERT_LINK = Pattern.compile("this-wasnt-me\\?token=([A-Za-z0-9_-]{43})");
    static final ClientInfo CLIENT = new ClientInfo("192.0.2.70", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");

    /** The account and what was handed out in clear while filling it. */
    record Loaded(UserId id, EmailAddress email, List<String> secretsHandedOut) {
    }

    private final SignUpService signUps;
    private final UserService users;
    private final GreenMail greenMail;
    private final AvatarService avatars;
    private final TwoFactorService twoFactor;
    private final EmailChangeService emailChanges;
    private final PasswordResetService passwordResets;
    private final UserSessions sessions;
    private final TrustedBrowsers trustedBrowsers;
    private final NewSignInAlerts alerts;
    private final Throttle throttle;
    private final JdbcTemplate jdbc;
    private final MutableTestClock clock;

    /** With the beans of the one test context (an extra test configuration would start a second context). */
    LoadedAccount(ApplicationContext context) {
        this.signUps = context.getBean(SignUpService.class);
        this.users = context.getBean(UserService.class);
        this.greenMail = context.getBean(GreenMail.class);
        this.avatars = context.getBean(AvatarService.class);
        this.twoFactor = context.getBean(TwoFactorService.class);
        this.emailChanges = context.getBean(EmailChangeService.class);
        this.passwordResets = context.getBean(PasswordResetService.class);
        this.sessions = context.getBean(UserSessions.class);
        this.trustedBrowsers = context.getBean(TrustedBrowsers.class);
        this.alerts = context.getBean(NewSignInAlerts.class);
        this.throttle = context.getBean(Throttle.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.clock = context.getBean(MutableTestClock.class);
    }

    Loaded create(String fullName) {
        List<String> secrets = new ArrayList<>();
        String email = TestAccounts.uniqueEmail(fullName.split(" ")[0].toLowerCase());
        signUps.signUp(fullName, email, TestAccounts.PASSWORD, CLIENT);
        String link = SignUpMails.awaitConfirmationLink(greenMail, email);
        String confirmation = link.substring(link.indexOf("token=") + "token=".length());
        secrets.add(confirmation);
        signUps.confirm(confirmation, CLIENT);
        UserId id = users.findProfileByEmail(email).orElseThrow().id();

        avatars.replace(id, avatars.process(id, AvatarFixtures.jpeg(300, 200)), CLIENT);
        TwoFactorFixture.Enabled app = TwoFactorFixture.enable(twoFactor, clock, id);
        assertThat(twoFactor.useRecoveryCode(id, app.recoveryCodes().getFirst()).accepted()).isTrue();
        secrets.addAll(app.recoveryCodes());
        secrets.add(app.secret().base32());
        clock.advance(Duration.ofSeconds(30));
        assertThat(twoFactor.verifySignInCode(id, "000000").accepted()).isFalse(); // a throttle counter by user id
        throttle.attempt(Throttle.key(ThrottleScope.SIGN_IN_ACCOUNT, email)); // a wrong password: a counter by address

        ConfirmedActions.run(id, email, clock,
                () -> emailChanges.requestChange(id, TestAccounts.uniqueEmail("new"), CLIENT));
        passwordResets.requestForSignedInUser(id, CLIENT);
        secrets.add(MailTexts.resetToken(TestMailServer.awaitMessageTo(greenMail, email,
                "Reset your PracticalCRM password")));
        int version = sessions.credentialVersion(id);
        sessions.register(id, version, CLIENT).ifPresent(secrets::add);
        sessions.register(id, version, CLIENT).ifPresent(secrets::add);
        secrets.add(trustedBrowsers.remember(id, CLIENT));
        secrets.add(alerts.signedIn(id, null, CLIENT));
        secrets.add(alerts.signedIn(id, null, CLIENT)); // a second browser: a new-sign-in alert
        Matcher alertLink = ALERT_LINK.matcher(MailTexts.text(
                TestMailServer.awaitMessageTo(greenMail, email, NewSignInAlerts.SUBJECT)));
        assertThat(alertLink.find()).isTrue();
        secrets.add(alertLink.group(1));
        // A passkey, as the passkeys feature stores one (its repository needs a WebAuthn ceremony to get there).
        String handle = LinkToken.generate(new SecureRandom());
        String credentialId = LinkToken.generate(new SecureRandom());
        jdbc.update("INSERT INTO passkey_user (user_id, user_handle) VALUES (?, ?)", id.value(), handle);
        jdbc.update("INSERT INTO passkey_credential (credential_id, user_id, credential_type, public_key, "
                + "signature_count, uv_initialized, backup_eligible, backup_state, transports, aaguid, label, "
                + "created_at) VALUES (?, ?, 'public-key', ?, 0, TRUE, TRUE, TRUE, 'internal', "
                + "'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4', 'Work laptop', ?)", credentialId, id.value(),
                new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16},
                java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
        secrets.add(handle);
        secrets.add(credentialId);
        return new Loaded(id, new EmailAddress(email), secrets);
    }
}
