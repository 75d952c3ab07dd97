package com.practicalcrm.security;

import java.util.Collection;
import java.util.function.Predicate;

import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;

/**
 * Vaadin's access control for Spring, with one change: on ordinary HTTP requests the roles come straight from the
 * request ({@code isUserInRole}, which Spring Security's request wrapper answers from the signed-in user's
 * authorities with its role prefix). Vaadin's own version first looks up its role-prefix holder through
 * {@code Lookup}, which runs a {@code ServiceLoader} over every jar of the application on every navigation (in the
 * production jar: about 2 % of the CPU of the load test and 15 % of all memory it allocated) only to learn the same
 * prefix. Push requests, which carry no such wrapper, still go through Vaadin's version.
 */
final class RequestRolesNavigationAccessControl extends SpringNavigationAccessControl {

    RequestRolesNavigationAccessControl(Collection<NavigationAccessChecker> checkers,
                                        AccessCheckDecisionResolver decisionResolver) {
        super(checkers, decisionResolver);
    }

    @Override
    protected Predicate<String> getRolesChecker(VaadinRequest request) {
        if (request == null || HandlerHelper.isRequestType(request, HandlerHelper.RequestType.PUSH)) {
            return super.getRolesChecker(request);
        }
        return request::isUserInRole;
    }
}
