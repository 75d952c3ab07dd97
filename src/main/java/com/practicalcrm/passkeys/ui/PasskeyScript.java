package com.practicalcrm.passkeys.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The browser half of passkeys ({@code META-INF/resources/passkeys/passkeys.js}, a plain script: no front-end
 * build), loaded on first use and called through {@code executeJs}. Each call answers a {@link Result}.
 */
final class PasskeyScript {

    /** Loads the script once per page, then runs the call. */
    private static final String LOADED = "(window.PracticalCrmPasskeys ? Promise.resolve() : new Promise((ok, fail) => {"
            + " const s = document.createElement('script');"
            + " s.src = new URL('passkeys/passkeys.js', document.baseURI).href;"
            + " s.onload = ok; s.onerror = () => fail(new Error('passkeys.js'));"
            + " document.head.appendChild(s); }))";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * What the browser answered.
     *
     * @param status {@code signed-in}, {@code refused} (with {@code message}), {@code created} (with
     *               {@code credential}), {@code used} (with {@code assertion}), {@code cancelled}, {@code exists},
     *               {@code aborted}, {@code unavailable}, {@code unsupported} or {@code failed}
     */
    record Result(String status, String redirectUrl, String message, String credential, String assertion,
                  String detail) {

        boolean is(String expected) {
            return expected.equals(status);
        }
    }

    /** UI data: whether this page's browser said it can use passkeys. */
    static final String SUPPORTED_KEY = PasskeyScript.class.getName() + ".supported";

    private PasskeyScript() {
    }

    /** Whether the browser can use passkeys at all (WebAuthn in a secure context). */
    static void supported(UI ui, Consumer<Boolean> callback) {
        // The browser cannot change its mind while the page is open: ask it once per page, not on every visit to
        // the profile (each answer is a request of its own).
        if (ComponentUtil.getData(ui, SUPPORTED_KEY) instanceof Boolean known) {
            callback.accept(known);
            return;
        }
        ui.getPage().executeJs("return " + LOADED + ".then(() => window.PracticalCrmPasskeys.supported())")
                .then(Boolean.class, supported -> {
                    ComponentUtil.setData(ui, SUPPORTED_KEY, supported);
                    callback.accept(supported);
                }, error -> callback.accept(false));
    }

    /** Sign in with a passkey; {@code autofill} offers it in the Email field's suggestions instead of a prompt. */
    static void signIn(UI ui, boolean autofill, Consumer<Result> callback) {
        call(ui, "window.PracticalCrmPasskeys.signIn($0)", callback, autofill);
    }

    /** Makes the Email field offer passkeys among its suggestions (autocomplete "username webauthn"). */
    static void markEmailFieldForAutofill(UI ui) {
        ui.getPage().executeJs("const input = document.querySelector('vaadin-login-form input[name=\"username\"]')"
                + " || document.querySelector('input[name=\"username\"]');"
                + "if (input) { input.setAttribute('autocomplete', 'username webauthn'); }");
    }

    static void create(UI ui, String optionsJson, Consumer<Result> callback) {
        call(ui, "window.PracticalCrmPasskeys.create($0)", callback, optionsJson);
    }

    static void get(UI ui, String optionsJson, Consumer<Result> callback) {
        call(ui, "window.PracticalCrmPasskeys.get($0)", callback, optionsJson);
    }

    /** Tells the browser's passkey manager (where it supports the Signals API) what is current. */
    static void signalCurrent(UI ui, String rpId, String userHandle, String name, String displayName,
                              java.util.List<String> acceptedIds) {
        ui.getPage().executeJs("return " + LOADED + ".then(() => window.PracticalCrmPasskeys.signalCurrent("
                + "$0, $1, $2, $3, JSON.parse($4)))", rpId, userHandle, name, displayName,
                JSON.writeValueAsString(acceptedIds));
    }

    /** Stops a waiting autofill request (before leaving the page). */
    static void abortPending(UI ui) {
        ui.getPage().executeJs("if (window.PracticalCrmPasskeys) { window.PracticalCrmPasskeys.abortPending(); }");
    }

    private static void call(UI ui, String expression, Consumer<Result> callback, Object... arguments) {
        ui.getPage().executeJs("return " + LOADED + ".then(() => " + expression + ")"
                        + ".then(r => JSON.stringify(r), e => JSON.stringify({status: 'failed', detail: String(e)}))",
                        arguments)
                .then(String.class, json -> callback.accept(JSON.readValue(json, Result.class)),
                        error -> callback.accept(new Result("failed", null, null, null, null, error)));
    }
}
