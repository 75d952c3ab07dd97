package com.practicalcrm.signin.trust.ui;

import org.springframework.stereotype.Component;

import com.practicalcrm.common.UserId;
import com.practicalcrm.common.ui.ProfileSection;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.signin.trust.TrustedBrowsers;

/** Adds "Remembered browsers" to the profile page. */
@Component
class TrustedBrowsersProfileSection implements ProfileSection {

    private final TrustedBrowsers trustedBrowsers;
    private final ClientInfoResolver clients;

    TrustedBrowsersProfileSection(TrustedBrowsers trustedBrowsers, ClientInfoResolver clients) {
        this.trustedBrowsers = trustedBrowsers;
        this.clients = clients;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public com.vaadin.flow.component.Component create(UserId user) {
        return new TrustedBrowsersSection(trustedBrowsers, clients, user);
    }
}
