package com.practicalcrm.profile.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.springframework.context.annotation.Scope;

import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.UserService;
import com.practicalcrm.avatar.AvatarService;
import com.practicalcrm.avatar.AvatarSize;
import com.practicalcrm.avatar.ui.UserAvatar;
import com.practicalcrm.common.RetryMessage;
import com.practicalcrm.common.ui.FixedText;
import com.practicalcrm.common.ui.LocalDates;
import com.practicalcrm.common.ui.SectionIntro;
import com.practicalcrm.emailchange.EmailChangeService;
import com.practicalcrm.emailchange.ui.PendingEmailChangeNotice;
import com.practicalcrm.passwordreset.PasswordResetService;
import com.practicalcrm.passwordreset.ResetRequestThrottledException;
import com.practicalcrm.passkeys.ui.PasskeysSection;
import com.practicalcrm.reauth.ConfirmItsYou;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.security.CurrentUser;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.sessions.OtherSessionsService;
import com.practicalcrm.sessions.UserSessions;
import com.practicalcrm.sessions.ui.SessionsSection;
import com.practicalcrm.sessions.ui.SignOutOtherSessionsDialog;
import com.practicalcrm.twofactor.TwoFactorService;
import com.practicalcrm.twofactor.ui.TwoFactorSection;
import com.practicalcrm.common.ui.ProfileSection;
import com.practicalcrm.sessions.ActiveSession;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

/**
 * The signed-in user's profile: avatar, name, date joined, email, Reset Password, two-factor status and controls,
 * passkeys, security activity and sessions.
 * <p>
 * A prototype bean, so that Spring works out its constructor's arguments once; as a plain class, Vaadin would have
 * Spring resolve every dependency anew on each visit (about 7 % of the CPU of {@code bench/LoadTest}).
 */
@SpringComponent
@Scope("prototype")
@Route("profile")
@PageTitle("Profile · PracticalCRM")
@PermitAll
public class ProfileView extends Main {

    /**
     * Asks for the sections below the fold (activity, sessions) once the page shows; see {@link #onAttach}. The
     * browser sends it as soon as it has applied the first answer.
     */
    public static final String LATER_SECTIONS_EVENT = "profile-later-sections";

    private final UserProfile profile;
    private final OtherSessionsService otherSessions;
    private final ClientInfoResolver clients;
    private final AuthenticationContext authentication;
    private final ConfirmItsYou confirmItsYou;
    // Registry key of this browser's session, to mark it in the list and keep it when signing out the others.
    private final String currentKey = currentSessionKey();
    final Avatar avatar;
    final H1 name;
    final Span joined = new Span();
    final Span email = new Span();
    final Span twoFactorStatus;
    final TwoFactorSection twoFactorControls;
    final Button editProfile = new Button("Edit Profile");
    PendingEmailChangeNotice pendingEmail;
    final Button resetPassword = new Button("Reset Password");
    final Paragraph resetPasswordStatus = new Paragraph();
    final SecurityActivitySection activity;
    final SessionsSection sessions;
    final PasskeysSection passkeys;
    private Registration laterSections;

    public ProfileView(UserService users, CurrentUser currentUser, AvatarService avatars,
                       EmailChangeService emailChanges, PasswordResetService passwordResets,
                       SecurityEventService events, UserSessions userSessions, OtherSessionsService otherSessions,
                       ClientInfoResolver clients, TwoFactorService twoFactor, ConfirmItsYou confirmItsYou,
                       Clock clock, PasskeysSection passkeys, List<ProfileSection> contributedSections,
                       AuthenticationContext authentication) {
        this.authentication = authentication;
        this.profile = users.findProfile(currentUser.require())
                .orElseThrow(() -> new IllegalStateException("Signed-in account no longer exists"));
        this.otherSessions = otherSessions;
        this.clients = clients;
        this.confirmItsYou = confirmItsYou;
        addClassName("profile-page");

        avatar = UserAvatar.of(profile, avatars.find(profile.id()), AvatarSize.LARGE);
        avatar.addThemeVariants(AvatarVariant.XLARGE);
        avatar.addClassName("profile-avatar");
        name = new H1(profile.fullName());
        joined.addClassName("profile-joined");
        Div identity = new Div(name, joined);
        identity.addClassName("profile-identity");
        editProfile.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(EditProfileView.class)));
        Div header = new Div(avatar, identity, editProfile);
        header.addClassName("profile-header");

        email.setText(profile.email().value());
        email.setId("profile-email");
        // Changing the password always goes through a mailed link, as the manual says.
        resetPassword.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        resetPassword.addClickListener(e -> {
            try {
                var sentTo = passwordResets.requestForSignedInUser(profile.id(), clients.current());
                resetPasswordStatus.setText("We have sent a link to reset your password to " + sentTo.value()
                        + ". It works once, within 30 minutes.");
            } catch (ResetRequestThrottledException throttled) {
                resetPasswordStatus.setText("You have asked for several links in a short time. "
                        + RetryMessage.tryAgainIn(clock.instant(), throttled.retryAt()));
            }
            resetPasswordStatus.setVisible(true);
        });
        resetPasswordStatus.getElement().setAttribute("role", "status");
        resetPasswordStatus.addClassName("profile-notice");
        resetPasswordStatus.setVisible(false);
        FixedText passwordLabel = new FixedText("Password");
        passwordLabel.addClassName("field-label");
        Div passwordField = new Div(passwordLabel, resetPassword);
        passwordField.addClassName("profile-field");
        Section account = section("Account", field("Email", email), passwordField, resetPasswordStatus);
        emailChanges.pending(profile.id()).ifPresent(pending -> {
            pendingEmail = new PendingEmailChangeNotice(pending,
                    () -> emailChanges.cancel(profile.id(), clients.current()));
            account.addComponentAtIndex(2, pendingEmail);
        });

        // Turning 2FA off ends the user's other sessions, like a password reset does.
        twoFactorControls = new TwoFactorSection(twoFactor, profile.id(), confirmItsYou,
                () -> userSessions.endOthers(profile.id(), currentKey));
        twoFactorStatus = twoFactorControls.status();
        Section twoFactorSection = new Section(new SectionIntro("Two-Factor Authentication (2FA)",
                "2FA adds an extra layer of security to your account: when enabled, you need a code from an "
                        + "authenticator app in addition to your password when signing in."),
                field("Status", twoFactorStatus), twoFactorControls);
        twoFactorSection.addClassName("profile-section");

        activity = new SecurityActivitySection(() -> events.latest(profile.id(), SecurityActivitySection.SHOWN_EVENTS));
        sessions = new SessionsSection(() -> userSessions.active(profile.id()), currentKey,
                () -> new SignOutOtherSessionsDialog(() -> confirmItsYou.run(this::signOutOtherSessions)).open(),
                session -> confirmItsYou.run(() -> signOutSession(session)));

        this.passkeys = passkeys;
        add(header, account, twoFactorSection, passkeys, activity, sessions);
        showJoined(LocalDates.knownZone());
        // Sent in a second, small answer. Vaadin keeps its last answer to each UI (to send it again if the browser
        // asks twice); this way it keeps that one instead of the whole page, half the memory a session holds.
        // Their data is read and their rows built only then too, so the answer to the navigation itself (the
        // slowest round trip of bench/LoadTest) carries only what the top of the page needs.
        activity.setVisible(false);
        sessions.setVisible(false);
        laterSections = getElement().addEventListener(LATER_SECTIONS_EVENT, e -> {
            activity.load();
            sessions.refresh();
            activity.setVisible(true);
            sessions.setVisible(true);
            // Sections of other features (remembered browsers, your data), below these, in their own order.
            contributedSections.stream().sorted(Comparator.comparingInt(ProfileSection::order))
                    .forEach(section -> add(section.create(profile.id())));
            // Asked once; the listener would stay with the page for nothing.
            laterSections.remove();
        });
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        getElement().executeJs("this.dispatchEvent(new CustomEvent('" + LATER_SECTIONS_EVENT + "'))");
        LocalDates.withBrowserZone(attachEvent.getUI(), zone -> {
            showJoined(zone);
            activity.showIn(zone);
            sessions.showIn(zone);
        });
    }

    /**
     * Sign out on one row of the sessions list (after "Confirm it's you"): that session ends everywhere; the own
     * row signs out here.
     */
    private void signOutSession(ActiveSession session) {
        if (session.key().equals(currentKey)) {
            authentication.logout();
            return;
        }
        boolean ended = otherSessions.signOutSession(profile.id(), session.key(), clients.current());
        sessions.refresh();
        Notification.show(ended ? "Signed out the session on " + session.client().browser() + "."
                : "That session had already ended.");
    }

    private void signOutOtherSessions() {
        int ended = otherSessions.signOutOtherSessions(profile.id(), currentKey, clients.current());
        sessions.refresh();
        Notification.show(ended == 1 ? "Signed out 1 other session." : "Signed out " + ended + " other sessions.");
    }

    private static String currentSessionKey() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getSession() == null ? null
                : (String) session.getSession().getAttribute(UserSessions.KEY_ATTRIBUTE);
    }

    private void showJoined(ZoneId zone) {
        var locale = getLocale();
        joined.setText("Joined " + LocalDates.date(profile.joinedAt(), zone, locale));
    }

    static Section section(String title, com.vaadin.flow.component.Component... content) {
        Section section = new Section(new SectionIntro(title));
        section.add(content);
        section.addClassName("profile-section");
        return section;
    }

    /** A label and its value, with the label naming the value for screen readers. */
    static Div field(String label, Span value) {
        FixedText labelSpan = new FixedText(label);
        labelSpan.addClassName("field-label");
        String labelId = (value.getId().orElse("field-" + label.toLowerCase().replace(' ', '-'))) + "-label";
        labelSpan.setId(labelId);
        value.getElement().setAttribute("aria-labelledby", labelId);
        value.addClassName("field-value");
        Div field = new Div(labelSpan, value);
        field.addClassName("profile-field");
        return field;
    }
}
