package com.practicalcrm.account.ui;

import com.practicalcrm.account.AccountConfirmation;
import com.practicalcrm.account.SignUpService;
import com.practicalcrm.common.ui.LinkActionCard;
import com.practicalcrm.security.ClientInfoResolver;
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
 * Where the link in the sign-up mail leads. Confirming needs a click on the page: mail scanners that open every
 * link must not confirm an address for someone else.
 */
@Route(value = SignUpService.CONFIRM_PATH, autoLayout = false)
@PageTitle("Confirm email address · PracticalCRM")
@AnonymousAllowed
class ConfirmAccountView extends Main implements BeforeEnterObserver {

    static final String NOT_FOUND = "This link is not valid. It may be incomplete, or a newer link was sent: use "
            + "the newest link we sent. Accounts whose address is not confirmed within 7 days are deleted; then "
            + "create your account again.";

    private final SignUpService signUps;
    private final ClientInfoResolver clients;
    final Button confirm = new Button("Confirm email address");
    final Anchor signIn = new Anchor("login", "Sign in");
    private final LinkActionCard card = new LinkActionCard(confirm, signIn);
    final H1 title = card.title();
    final Paragraph message = card.message();
    private String token;

    ConfirmAccountView(SignUpService signUps, ClientInfoResolver clients) {
        this.signUps = signUps;
        this.clients = clients;
        addClassName("auth-page");
        confirm.addClickListener(e -> confirm());
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        // The view is reused when another link is opened in the same tab: start afresh.
        card.ask("Confirm your email address", "Confirm this address to finish creating your PracticalCRM account.");
        if (token.isBlank()) {
            card.tell("Link not valid", NOT_FOUND);
        }
    }

    private void confirm() {
        AccountConfirmation result = signUps.confirm(token, clients.current());
        String address = result.email() == null ? "" : result.email().value();
        switch (result.outcome()) {
            case CONFIRMED -> card.tell("Email address confirmed",
                    "Your account is ready. Sign in with " + address + " and your password.");
            case ALREADY_CONFIRMED -> card.tell("Already confirmed",
                    "The address " + address + " is already confirmed. Sign in with it and your password.");
            case EXPIRED -> card.tell("Link expired", "This link has expired: links work for 24 hours. Sign in with "
                    + "your email and password to have a new link sent. Your address is not confirmed yet.");
            case NOT_FOUND -> card.tell("Link not valid", NOT_FOUND);
        }
    }
}
