package com.practicalcrm.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.practicalcrm.common.UserId;

/** Who is signed in, for views, services and endpoints alike. */
@Component
public class CurrentUser {

    public Optional<UserId> id() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AppUserPrincipal principal) {
            return Optional.of(principal.userId());
        }
        return Optional.empty();
    }

    /** @throws IllegalStateException when nobody is signed in (views behind sign-in never see this) */
    public UserId require() {
        return id().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }
}
