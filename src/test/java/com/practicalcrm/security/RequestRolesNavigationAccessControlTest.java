package com.practicalcrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;

import com.practicalcrm.PracticalCrmTest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.DefaultAccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationAccessControl;

/**
 * Vaadin's navigation access control with the roles read from the request itself (no lookup through every jar of
 * the application per navigation); that protected views still send anonymous visitors to sign-in is
 * {@code LoginViewTest#protectedViewsSendAnonymousVisitorsToSignIn}.
 */
@PracticalCrmTest
class RequestRolesNavigationAccessControlTest {

    @Autowired
    NavigationAccessControl installed;

    @Test
    void theAppUsesThisAccessControl() {
        assertThat(installed).isInstanceOf(RequestRolesNavigationAccessControl.class);
        assertThat(installed.isEnabled()).isTrue();
    }

    @Test
    void rolesAreTheRequestsOwn() {
        MockHttpServletRequest http = new MockHttpServletRequest();
        http.addUserRole("AUDITOR");
        Predicate<String> roles = new RequestRolesNavigationAccessControl(List.of(),
                new DefaultAccessCheckDecisionResolver()).getRolesChecker(new VaadinServletRequest(http, null));

        assertThat(roles.test("AUDITOR")).isTrue();
        assertThat(roles.test("ADMIN")).isFalse();
    }
}
