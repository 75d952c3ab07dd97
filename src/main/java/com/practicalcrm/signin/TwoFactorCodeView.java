package com.practicalcrm.signin;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;

import com.practicalcrm.common.RetryMessage;
import com.practicalcrm.common.ui.SessionAttributes;
import com.practicalcrm.twofactor.SecondFactorPolicy;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

/**
 * Step two of sign-in: the code from the authenticator app, or a recovery code. Both are plain HTML forms that
 * the browser posts to {@link TwoFactorCodeFilter}, so the check runs inside Spring Security (CSRF, new session
 * id, factor merge) rather than in a Vaadin click listener.
 */
@Route(value = "login/code", autoLayout = false)
@PageTitle("Two-step verification · PracticalCRM")
@PermitAll
public class TwoFactorCodeView extends Main implements BeforeEnterObserver {

    static final String REMEMBER_BROWSER = "Remember this browser for 30 days";
    /** Where the code form posts, and the name of its "Remember this browser" check box (see signin.trust). */
    public static final String CODE_STEP_PATH = TwoFactorCodeFilter.PATH;
    public static final String REMEMBER_BROWSER_PARAMETER = TwoFactorCodeFilter.REMEMBER_BROWSER_PARAMETER;
    static final String TOO_MANY_ATTEMPTS = "Too many wrong codes. For your security, this step is paused. ";

    private final SecondFactorPolicy policy;
    private final Clock clock;
    /** Shown under the field of the visible form, which it describes. */
    final Paragraph error = new Paragraph();
    final Div codeForm;
    final Div recoveryForm;
    final Input code = new Input();
    final Input recoveryCode = new Input();
    final Button useRecoveryCode = new Button("Use a recovery code");
    final Button useAuthenticator = new Button("Use your authenticator app instead");
    final Button signOut = new Button("Sign out");

    public TwoFactorCodeView(SecondFactorPolicy policy, Clock clock, AuthenticationContext authentication,
                             List<SignInOption> signInOptions) {
        this.policy = policy;
        this.clock = clock;
        addClassName("auth-page");

        error.addClassName("code-error");
        error.setId("two-factor-error");
        error.setVisible(false);
        error.getElement().setAttribute("role", "alert");

        code.setId("two-factor-code");
        code.getElement().setAttribute("name", TwoFactorCodeFilter.CODE_PARAMETER);
        code.getElement().setAttribute("inputmode", "numeric");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("pattern", "[0-9 ]*");
        code.getElement().setAttribute("maxlength", "7");
        code.getElement().setAttribute("required", true);
        code.getElement().setAttribute("autofocus", true);
        codeForm = form("Enter Authenticator Code", code,
                new Paragraph("Open your authenticator app and enter the 6-digit code it shows for PracticalCRM."));

        recoveryCode.setId("two-factor-recovery-code");
        recoveryCode.getElement().setAttribute("name", TwoFactorCodeFilter.RECOVERY_CODE_PARAMETER);
        recoveryCode.getElement().setAttribute("autocomplete", "off");
        recoveryCode.getElement().setAttribute("autocapitalize", "none");
        recoveryCode.getElement().setAttribute("spellcheck", "false");
        recoveryCode.getElement().setAttribute("required", true);
        recoveryForm = form("Recovery code", recoveryCode,
                new Paragraph("Enter one of the recovery codes you saved when you turned on two-factor "
                        + "authentication. Each code works once."));

        // Link-styled, like the links of the sign-in card.
        useRecoveryCode.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        useRecoveryCode.addClickListener(e -> showRecoveryForm(true));
        useAuthenticator.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        useAuthenticator.addClickListener(e -> showRecoveryForm(false));
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        signOut.addClickListener(e -> authentication.logout());
        showRecoveryForm(false);

        Div links = new Div(useRecoveryCode, useAuthenticator, signOut);
        links.addClassNames("auth-links", "separate");
        Div card = new Div(new H1("Two-step verification"), codeForm, recoveryForm);
        // Other second factors (a passkey), offered by their features.
        signInOptions.forEach(option -> option.forCodeStep().ifPresent(card::add));
        card.add(links);
        card.addClassName("auth-card");
        add(card);
    }

    private Div form(String label, Input input, Paragraph hint) {
        NativeLabel fieldLabel = new NativeLabel(label);
        fieldLabel.setFor(input.getId().orElseThrow());
        input.setType("text");
        input.addClassName("code-input");
        NativeButton verify = new NativeButton("Verify");
        verify.getElement().setAttribute("type", "submit");
        verify.addClassName("code-submit");
        Div field = new Div(fieldLabel, input);
        field.addClassName("code-field");
        HtmlForm form = new HtmlForm(TwoFactorCodeFilter.PATH.substring(1));
        form.add(field, rememberBrowser(input.getId().orElseThrow() + "-remember"), verify);
        csrfInput().ifPresent(form::add);
        Div block = new Div(hint, form);
        block.addClassName("code-form");
        return block;
    }

    /** "Remember this browser for 30 days", off by default; posted with the code (see the trusted browsers). */
    private static Div rememberBrowser(String id) {
        Input box = new Input();
        box.setType("checkbox");
        box.setId(id);
        box.getElement().setAttribute("name", TwoFactorCodeFilter.REMEMBER_BROWSER_PARAMETER);
        NativeLabel label = new NativeLabel(REMEMBER_BROWSER);
        label.setFor(id);
        Div line = new Div(box, label);
        line.addClassName("code-remember");
        return line;
    }

    private void showRecoveryForm(boolean recovery) {
        codeForm.setVisible(!recovery);
        useRecoveryCode.setVisible(!recovery);
        recoveryForm.setVisible(recovery);
        useAuthenticator.setVisible(recovery);
        Input visible = recovery ? recoveryCode : code;
        // An error is about the form it came from: switching forms clears it (beforeEnter shows a new one under
        // the field in view). The field in view gets the focus.
        ((Div) visible.getParent().orElseThrow()).add(error);
        error.setVisible(false);
        for (Input input : java.util.List.of(code, recoveryCode)) {
            input.getElement().removeAttribute("aria-describedby");
            input.getElement().removeAttribute("aria-invalid");
        }
        visible.getElement().executeJs("this.focus()");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!policy.isSecondFactorMissing(authentication)) {
            event.forwardTo("");
            return;
        }
        if (!policy.isPasswordStepFresh(authentication)) {
            event.forwardTo("login", QueryParameters.simple(Map.of("expired", "")));
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        showRecoveryForm(parameters.containsKey("recovery"));
        if (parameters.containsKey("error")) {
            Object failure = takeAuthenticationFailure();
            if (failure instanceof SecondFactorThrottledException throttled) {
                showError(TOO_MANY_ATTEMPTS + RetryMessage.tryAgainIn(clock.instant(), throttled.retryAt()));
            } else if (failure instanceof SecondFactorRejectedException rejected) {
                showError(rejected.getMessage());
            }
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
        Input visible = recoveryForm.isVisible() ? recoveryCode : code;
        visible.getElement().setAttribute("aria-invalid", "true");
        visible.getElement().setAttribute("aria-describedby", error.getId().orElseThrow());
    }

    private static java.util.Optional<Input> csrfInput() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || !(request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token)) {
            return java.util.Optional.empty();
        }
        Input hidden = new Input();
        hidden.setType("hidden");
        hidden.getElement().setAttribute("name", token.getParameterName());
        hidden.getElement().setAttribute("value", token.getToken());
        return java.util.Optional.of(hidden);
    }

    private static Object takeAuthenticationFailure() {
        return SessionAttributes.take(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
