package com.practicalcrm.signin;

import java.util.Optional;

import com.vaadin.flow.component.Component;

/**
 * A way to sign in besides the password (a passkey), offered by another feature as a bean: the sign-in page and
 * the code step show what it gives them, without depending on that feature.
 */
public interface SignInOption {

    /** Shown on the sign-in page below the password form. */
    Component forSignInPage();

    /** Shown at the code step (after the password) as another way to give the second factor, if it can be one. */
    Optional<Component> forCodeStep();
}
