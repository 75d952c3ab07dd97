package com.practicalcrm.signin.trust.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.practicalcrm.common.ui.LinkActionCard;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.signin.trust.NewSignInAlerts;
import com.practicalcrm.signin.trust.ThisWasntMe;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Where the "This wasn't me" link of a new-sign-in alert leads. It takes one click on the page to act (mail
 * scanners that open every link must not sign the owner out everywhere), then says what was done.
 */
@Route(value = NewSignInAlerts.THIS_WASNT_ME_PATH, autoLayout = false)
@PageTitle("This wasn't me · PracticalCRM")
@AnonymousAllowed
class ThisWasntMeView extends Main implements BeforeEnterObserver {

    static final String INVALID = "This link is no longer valid. Each \"This wasn't me\" link works once, within 7 "
            + "days. If you still think someone else uses your account, reset your password from the sign-in page.";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final ThisWasntMe thisWasntMe;
    private final ClientInfoResolver clients;
    final UnorderedList done = new UnorderedList();
    final Button confirm = new Button("This wasn't me");
    final Anchor signIn = new Anchor("login", "Sign in");
    private final LinkActionCard card = new LinkActionCard(confirm, signIn, done);
    final H1 title = card.title();
    final Paragraph message = card.message();
    private String token;

    ThisWasntMeView(ThisWasntMe thisWasntMe, ClientInfoResolver clients) {
        this.thisWasntMe = thisWasntMe;
        this.clients = clients;
        addClassName("auth-page");
        confirm.addThemeVariants(ButtonVariant.ERROR);
        confirm.addClickListener(e -> report());
        done.getElement().setAttribute("aria-label", "What was done");
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        done.removeAll();
        done.setVisible(false);
        thisWasntMe.open(token).ifPresentOrElse(signInReported -> {
            card.ask("Was this sign-in not you?",
                    "Your account was signed in to on " + WHEN.format(signInReported.signedInAt())
                    + " from " + signInReported.client().browser() + " at " + signInReported.client().addressOrUnknown()
                    + ". If this was not you, click \"This wasn't me\": every session of your account is signed out, "
                    + "remembered browsers are forgotten, a pending email change is cancelled, and we mail you a link "
                    + "to choose a new password.");
        }, () -> card.tell("Link not valid", INVALID));
    }

    private void report() {
        try {
            ThisWasntMe.Outcome outcome = thisWasntMe.report(token, clients.current());
            card.tell("Your account is secured", "Here is what we did:");
            List<String> lines = new ArrayList<>();
            lines.add("Signed out every session of your account, on every device ("
                    + count(outcome.sessionsEnded(), "session") + ").");
            lines.add("Forgot every remembered browser (" + count(outcome.browsersForgotten(), "browser")
                    + "): each one asks for your authenticator code again.");
            lines.add(outcome.emailChangeCancelled() ? "Cancelled the pending change of your email address."
                    : "There was no pending email change to cancel.");
            lines.add("Sent a link to choose a new password to " + outcome.resetLinkSentTo().value()
                    + ". It works once, within 30 minutes. Choose a password you use nowhere else.");
            lines.forEach(line -> done.add(new ListItem(line)));
            done.setVisible(true);
        } catch (ThisWasntMe.InvalidLinkException e) {
            card.tell("Link not valid", INVALID);
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
