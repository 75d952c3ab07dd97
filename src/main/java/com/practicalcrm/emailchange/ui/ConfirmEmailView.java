package com.practicalcrm.emailchange.ui;

import java.util.List;

import com.practicalcrm.common.ui.LinkActionCard;
import com.practicalcrm.emailchange.EmailChangeService;
import com.practicalcrm.emailchange.EmailConfirmation;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.security.CurrentUser;
import com.practicalcrm.sessions.CurrentSession;
import com.practicalcrm.sessions.UserSessions;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Where the link in the confirmation mail leads; works signed in or not (whoever holds the link owns the new
 * address). The change needs a click on the page: mail scanners that open every link must not confirm it.
 */
@Route(value = EmailChangeService.CONFIRM_PATH, autoLayout = false)
@PageTitle("Confirm email address · PracticalCRM")
@AnonymousAllowed
public class ConfirmEmailView extends Main implements BeforeEnterObserver {

    static final String NOT_FOUND = "This link is no longer valid. It may be incomplete, a newer link may have been "
            + "sent, or the change was cancelled (a password reset also cancels it). Your email address was not "
            + "changed. Use the newest link we sent, or change your address again on Edit Profile.";

    private final EmailChangeService emailChanges;
    private final ClientInfoResolver clients;
    private final CurrentUser currentUser;
    private final UserSessions sessions;
    final Button confirm = new Button("Confirm email address");
    private final LinkActionCard card = new LinkActionCard(confirm, new Anchor("", "Go to PracticalCRM"));
    final H1 title = card.title();
    final Paragraph message = card.message();
    private String token;

    public ConfirmEmailView(EmailChangeService emailChanges, ClientInfoResolver clients, CurrentUser currentUser,
                            UserSessions sessions) {
        this.emailChanges = emailChanges;
        this.clients = clients;
        this.currentUser = currentUser;
        this.sessions = sessions;
        addClassName("auth-page");
        confirm.addClickListener(e -> confirm());
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        // The view is reused when another link is opened in the same tab: start afresh.
        card.ask("Confirm your new email address",
                "Confirm to use this address for your PracticalCRM account from now on.");
        if (token.isBlank()) {
            card.tell("Link not valid", NOT_FOUND);
        }
    }

    private void confirm() {
        var signedIn = currentUser.id();
        EmailConfirmation result = emailChanges.confirm(token, clients.current(), signedIn.orElse(null),
                CurrentSession.key());
        if (result.keptSession()) {
            // The account's other sessions ended; this one goes on with the new address, under a new id.
            CurrentSession.renew(sessions.credentialVersion(signedIn.get()), result.newEmail().value(), List.of());
        }
        String address = result.newEmail() == null ? "" : result.newEmail().value();
        switch (result.outcome()) {
            case CONFIRMED -> card.tell("Email address changed",
                    "Your email address is now " + address + ". Use it to sign in from now on.");
            case ALREADY_USED -> card.tell("Already confirmed",
                    "This link was already used: your email address was changed to " + address + ".");
            case EXPIRED -> card.tell("Link expired", "This link has expired: links work for 24 hours. Change your "
                    + "address again on Edit Profile to get a new link. Your email address was not changed.");
            case ADDRESS_TAKEN -> card.tell("Address not available", address + " now belongs to another account, so "
                    + "your email address was not changed.");
            case NOT_FOUND -> card.tell("Link not valid", NOT_FOUND);
        }
    }
}
