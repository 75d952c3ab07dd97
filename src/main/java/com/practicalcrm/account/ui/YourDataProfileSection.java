package com.practicalcrm.account.ui;

import com.practicalcrm.account.AccountDeletion;
import com.practicalcrm.account.AccountExport;
import com.practicalcrm.common.UserId;
import com.practicalcrm.common.ui.ProfileSection;
import com.practicalcrm.reauth.ConfirmItsYou;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.account.UserService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.security.AuthenticationContext;

/** Adds "Your data" (Download my data, Delete account) to the profile page. */
@org.springframework.stereotype.Component
class YourDataProfileSection implements ProfileSection {

    private final AccountExport export;
    private final AccountDeletion deletion;
    private final UserService users;
    private final ClientInfoResolver clients;
    private final AuthenticationContext authentication;
    private final ConfirmItsYou confirmItsYou;

    YourDataProfileSection(AccountExport export, AccountDeletion deletion, UserService users,
                           ClientInfoResolver clients, AuthenticationContext authentication,
                           ConfirmItsYou confirmItsYou) {
        this.confirmItsYou = confirmItsYou;
        this.export = export;
        this.deletion = deletion;
        this.users = users;
        this.clients = clients;
        this.authentication = authentication;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Component create(UserId user) {
        String email = users.findProfile(user).orElseThrow().email().value();
        return new YourDataSection(() -> export.export(user, clients.current()), AccountExport.fileName(),
                typed -> {
                    try {
                        deletion.delete(user, typed);
                    } catch (AccountDeletion.WrongEmailException e) {
                        return e.getMessage();
                    }
                    // The account is gone: this session ends too (the others on their next request).
                    authentication.logout();
                    return null;
                }, email, confirmItsYou::run);
    }
}
