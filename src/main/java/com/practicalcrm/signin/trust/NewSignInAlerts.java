package com.practicalcrm.signin.trust;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import com.practicalcrm.common.BrowserDescription;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.LinkToken;
import com.practicalcrm.common.UserId;
import com.practicalcrm.mail.MailMessage;
import com.practicalcrm.mail.MailService;
import com.practicalcrm.security.SecurityConfig;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.signin.trust.repository.KnownDeviceRepository;
import com.practicalcrm.signin.trust.repository.SignInAlertRepository;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.UserService;

/**
 * New-device sign-in alerts. Each browser carries a long-lived random device cookie; the account keeps the hashes
 * of the cookies (with the browser family and system) it has signed in from. A completed sign-in from a browser
 * the account does not know mails "New sign-in to your PracticalCRM account" with a "This wasn't me" link. The
 * account's very first sign-in (no device known yet: right after creating the account) sets the baseline and
 * mails nothing.
 */
@Service
public class NewSignInAlerts {

    public static final Duration DEVICE_COOKIE_LIFETIME = Duration.ofDays(365);
    public static final Duration LINK_VALIDITY = Duration.ofDays(7);
    public static final String SUBJECT = "New sign-in to your PracticalCRM account";
    /** Route of the page the alert's link opens (the token follows as {@code ?token=}). */
    public static final String THIS_WASNT_ME_PATH = SecurityConfig.THIS_WASNT_ME_PATH;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final KnownDeviceRepository devices;
    private final SignInAlertRepository alerts;
    private final UserService users;
    private final SecurityEventService events;
    private final MailService mail;
    private final Clock clock;
    private final String baseUrl;
    private final SecureRandom random = new SecureRandom();

    public NewSignInAlerts(KnownDeviceRepository devices, SignInAlertRepository alerts, UserService users,
                           SecurityEventService events, MailService mail, Clock clock,
                           @Value("${practicalcrm.base-url}") String baseUrl) {
        this.devices = devices;
        this.alerts = alerts;
        this.users = users;
        this.events = events;
        this.mail = mail;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * A sign-in with every factor has just succeeded on the browser that sent {@code deviceToken}.
     *
     * @param deviceToken the browser's device cookie, or null when it has none
     * @return the device token the browser keeps from now on (a new one when it had none, or a malformed one)
     */
    // Read committed: under MariaDB's default (repeatable read) the UPDATE that finds no row locks the gap where
    // the row would go, and new accounts' devices all go into the same gap at the end of the unique index, so two
    // first sign-ins at once deadlocked on their INSERTs (seen as a 503 in the load test). The unique key still
    // keeps one row per device; a parallel sign-in of the same browser is what insert's "ignore" is for.
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public String signedIn(UserId userId, String deviceToken, ClientInfo client) {
        Instant now = clock.instant();
        String browser = browserFamily(client);
        String token = LinkToken.isWellFormed(deviceToken) ? deviceToken : LinkToken.generate(random);
        byte[] hash = LinkToken.sha256(token);
        if (devices.touch(userId, hash, browser, now)) {
            return token;
        }
        boolean firstSignIn = !devices.anyFor(userId);
        Optional<Long> deviceId = devices.insert(userId, hash, browser, now);
        if (firstSignIn || deviceId.isEmpty()) {
            return token;
        }
        String linkToken = LinkToken.generate(random);
        alerts.insert(userId, LinkToken.sha256(linkToken), deviceId.get(), now, now.plus(LINK_VALIDITY), client);
        events.record(userId, SecurityEventType.NEW_DEVICE_SIGN_IN, client);
        users.findProfile(userId).ifPresent(profile -> mail.send(profile.email(),
                alertMail(profile, now, client, linkToken)));
        return token;
    }

    /** "Chrome on Linux": the description without version numbers, so that a browser update is no new device. */
    static String browserFamily(ClientInfo client) {
        String family = BrowserDescription.describe(client.userAgent()).replaceAll(" \\d+", "");
        return family.length() <= 100 ? family : family.substring(0, 100);
    }

    private MailMessage alertMail(UserProfile profile, Instant when, ClientInfo client, String linkToken) {
        return new MailMessage(SUBJECT, List.of(
                "Hello " + profile.fullName() + ",",
                "Your PracticalCRM account " + profile.email().value() + " was just signed in to from a browser "
                        + "it has not been used with before.",
                "When: " + WHEN.format(when),
                "Browser: " + client.browser(),
                "Address: " + client.addressOrUnknown(),
                "If this was you, there is nothing to do. If it was not you, open the link below and confirm: it "
                        + "signs out every session of your account, forgets the remembered browsers, cancels a "
                        + "pending email change and sends you a link to choose a new password. The link works once, "
                        + "within " + LINK_VALIDITY.toDays() + " days."),
                new MailMessage.Link("This wasn't me", baseUrl + "/" + THIS_WASNT_ME_PATH + "?token=" + linkToken));
    }

    @Scheduled(cron = "${practicalcrm.sign-in-alerts.purge-cron:0 47 3 * * *}")
    @Transactional
    public void deleteExpiredLinks() {
        alerts.deleteExpired(clock.instant());
    }
}
