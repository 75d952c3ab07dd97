package com.practicalcrm.user.ui;

import java.time.Clock;
import java.time.ZoneId;

import com.practicalcrm.common.ui.LocalDates;
import com.practicalcrm.security.CurrentUser;
import com.practicalcrm.security.twofactor.TwoFactorService;
import com.practicalcrm.security.twofactor.ui.TwoFactorSection;
import com.practicalcrm.user.UserProfile;
import com.practicalcrm.user.UserService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** The signed-in user's profile: avatar, name, date joined, email, and two-factor status and controls. */
@Route("profile")
@PageTitle("Profile · PracticalCRM")
@PermitAll
public class ProfileView extends Main {

    private final UserProfile profile;
    final Avatar avatar;
    final H1 name;
    final Span joined = new Span();
    final Span email = new Span();
    final Span twoFactorStatus;
    final TwoFactorSection twoFactorControls;

    public ProfileView(UserService users, CurrentUser currentUser, TwoFactorService twoFactor, Clock clock) {
        this.profile = users.findProfile(currentUser.require())
                .orElseThrow(() -> new IllegalStateException("Signed-in account no longer exists"));
        addClassName("profile-page");

        avatar = UserAvatar.of(profile);
        avatar.addThemeVariants(AvatarVariant.XLARGE);
        avatar.addClassName("profile-avatar");
        name = new H1(profile.fullName());
        joined.addClassName("profile-joined");
        Div identity = new Div(name, joined);
        identity.addClassName("profile-identity");
        Div header = new Div(avatar, identity);
        header.addClassName("profile-header");

        email.setText(profile.email().value());
        email.setId("profile-email");
        Section account = section("Account", field("Email", email));

        twoFactorControls = new TwoFactorSection(twoFactor, profile.id(), clock);
        twoFactorStatus = twoFactorControls.status();
        Section twoFactorSection = section("Two-Factor Authentication (2FA)",
                field("Status", twoFactorStatus),
                new Paragraph("2FA adds an extra layer of security to your account: when enabled, you need a code "
                        + "from an authenticator app in addition to your password when signing in."),
                twoFactorControls);

        add(header, account, twoFactorSection);
        showJoined(ZoneId.of("UTC"));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        LocalDates.withBrowserZone(attachEvent.getUI(), this::showJoined);
    }

    private void showJoined(ZoneId zone) {
        var locale = getLocale();
        joined.setText("Joined " + LocalDates.date(profile.joinedAt(), zone, locale));
    }

    static Section section(String title, com.vaadin.flow.component.Component... content) {
        Section section = new Section(new H2(title));
        section.add(content);
        section.addClassName("profile-section");
        return section;
    }

    /** A label and its value, with the label naming the value for screen readers. */
    static Div field(String label, Span value) {
        Span labelSpan = new Span(label);
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
