package com.practicalcrm.base.ui;

import com.practicalcrm.account.UserService;
import com.practicalcrm.security.CurrentUser;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** Where a user lands after signing in. */
@Route("")
@PageTitle("Home · PracticalCRM")
@PermitAll
public class HomeView extends Main {

    final H1 greeting;

    public HomeView(UserService users, CurrentUser currentUser) {
        String name = users.findProfile(currentUser.require()).map(p -> p.fullName()).orElse("");
        greeting = new H1("Welcome, " + name + "!");
        add(greeting, new Paragraph("Manage your profile, password and two-factor authentication from the menu "
                + "under your name in the top-right corner."));
        addClassName("home-page");
    }
}
