/*
 * PracticalCRM passkeys in the browser: the WebAuthn calls the Java views cannot make themselves. Loaded by the
 * views (no front-end build). Every function resolves to a plain object for the server ({status: ...}); messages
 * for people are written on the server. Requests to the server carry the page's CSRF token as a header (the
 * <meta name="_csrf"> and <meta name="_csrf_header"> tags Vaadin writes); there are no CSRF exemptions.
 */
(function () {
  'use strict';
  if (window.PracticalCrmPasskeys) {
    return;
  }

  const toBuffer = (base64url) => {
    const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - base64.length % 4) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  };

  const toBase64url = (buffer) => {
    const bytes = new Uint8Array(buffer);
    let binary = '';
    for (const b of bytes) {
      binary += String.fromCharCode(b);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };

  const supported = () => window.isSecureContext && typeof window.PublicKeyCredential === 'function'
    && !!navigator.credentials && typeof navigator.credentials.get === 'function';

  const url = (path) => new URL(path, document.baseURI).href;

  const jsonHeaders = () => {
    const headers = {'Content-Type': 'application/json', 'Accept': 'application/json'};
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  };

  const descriptors = (list) => (list || []).map((c) => ({type: c.type, id: toBuffer(c.id), transports: c.transports}));

  const requestOptions = (o) => ({
    challenge: toBuffer(o.challenge),
    timeout: o.timeout,
    rpId: o.rpId,
    userVerification: o.userVerification,
    allowCredentials: descriptors(o.allowCredentials),
    extensions: o.extensions || {}
  });

  const assertionJson = (credential) => JSON.stringify({
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: credential.type,
    response: {
      authenticatorData: toBase64url(credential.response.authenticatorData),
      clientDataJSON: toBase64url(credential.response.clientDataJSON),
      signature: toBase64url(credential.response.signature),
      userHandle: credential.response.userHandle ? toBase64url(credential.response.userHandle) : null
    },
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment || undefined
  });

  // The browser's answer to a refused or failed prompt, as a status the server words for people.
  const failure = (error) => {
    switch (error && error.name) {
      case 'AbortError': return {status: 'aborted'};
      case 'NotAllowedError': return {status: 'cancelled'};
      case 'InvalidStateError': return {status: 'exists'};
      default: return {status: 'failed', detail: String(error && (error.name + ': ' + error.message))};
    }
  };

  // Only one WebAuthn request may be pending: a new one aborts the waiting autofill request.
  let pending = null;
  // 'none', 'waiting' or 'done': whether the page's autofill request is still open (for tests and debugging).
  let autofill = 'none';
  const abortPending = () => {
    if (pending) {
      pending.abort();
      pending = null;
    }
  };

  const signalUnknown = (rpId, credentialId) => {
    if (typeof PublicKeyCredential.signalUnknownCredential === 'function') {
      PublicKeyCredential.signalUnknownCredential({rpId: rpId, credentialId: credentialId}).catch(() => {});
    }
  };

  const conditionalAvailable = async () => supported()
    && typeof PublicKeyCredential.isConditionalMediationAvailable === 'function'
    && await PublicKeyCredential.isConditionalMediationAvailable();

  /** Sign in: a fresh challenge, the passkey prompt (or autofill when conditional), then the sign-in request. */
  const signIn = async (conditional) => {
    if (!conditional) {
      return attemptSignIn(false);
    }
    autofill = 'waiting';
    try {
      return await attemptSignIn(true);
    } finally {
      autofill = 'done';
    }
  };

  const attemptSignIn = async (conditional) => {
    if (!supported()) {
      return {status: 'unsupported'};
    }
    if (conditional && !await conditionalAvailable()) {
      return {status: 'unavailable'};
    }
    abortPending();
    const controller = new AbortController();
    pending = controller;
    let credential;
    let options;
    try {
      const optionsResponse = await fetch(url('webauthn/authenticate/options'),
        {method: 'POST', headers: jsonHeaders(), credentials: 'same-origin'});
      if (!optionsResponse.ok) {
        return {status: 'failed', detail: 'options ' + optionsResponse.status};
      }
      options = await optionsResponse.json();
      credential = await navigator.credentials.get({
        publicKey: requestOptions(options),
        mediation: conditional ? 'conditional' : 'optional',
        signal: controller.signal
      });
    } catch (error) {
      return failure(error);
    } finally {
      if (pending === controller) {
        pending = null;
      }
    }
    if (!credential) {
      return {status: 'cancelled'};
    }
    try {
      const response = await fetch(url('login/webauthn'),
        {method: 'POST', headers: jsonHeaders(), credentials: 'same-origin', body: assertionJson(credential)});
      const body = await response.json().catch(() => ({}));
      if (response.ok && body.authenticated) {
        return {status: 'signed-in', redirectUrl: body.redirectUrl};
      }
      if (body.unknownCredentialId) {
        signalUnknown(options.rpId, body.unknownCredentialId);
      }
      return {status: 'refused', message: body.message || ''};
    } catch (error) {
      return {status: 'failed', detail: String(error && error.name)};
    }
  };

  /** Add a passkey: the browser creates it with the options the server made; the server checks and stores it. */
  const create = async (optionsJson) => {
    if (!supported() || typeof navigator.credentials.create !== 'function') {
      return {status: 'unsupported'};
    }
    abortPending();
    const o = JSON.parse(optionsJson);
    const publicKey = {
      rp: o.rp,
      user: {id: toBuffer(o.user.id), name: o.user.name, displayName: o.user.displayName},
      challenge: toBuffer(o.challenge),
      pubKeyCredParams: o.pubKeyCredParams,
      timeout: o.timeout,
      excludeCredentials: descriptors(o.excludeCredentials),
      authenticatorSelection: o.authenticatorSelection,
      attestation: o.attestation,
      extensions: o.extensions || {}
    };
    let credential;
    try {
      credential = await navigator.credentials.create({publicKey: publicKey});
    } catch (error) {
      return failure(error);
    }
    if (!credential) {
      return {status: 'cancelled'};
    }
    const response = credential.response;
    return {
      status: 'created',
      credential: JSON.stringify({
        id: credential.id,
        rawId: toBase64url(credential.rawId),
        type: credential.type,
        response: {
          attestationObject: toBase64url(response.attestationObject),
          clientDataJSON: toBase64url(response.clientDataJSON),
          transports: typeof response.getTransports === 'function' ? response.getTransports() : []
        },
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment || undefined
      })
    };
  };

  /** Use a passkey of the signed-in user ("Confirm it's you"); the server checks the answer. */
  const get = async (optionsJson) => {
    if (!supported()) {
      return {status: 'unsupported'};
    }
    abortPending();
    let credential;
    try {
      credential = await navigator.credentials.get({publicKey: requestOptions(JSON.parse(optionsJson))});
    } catch (error) {
      return failure(error);
    }
    return credential ? {status: 'used', assertion: assertionJson(credential)} : {status: 'cancelled'};
  };

  /** Tells the browser's passkey manager which passkeys are still accepted and the current names, where it listens. */
  const signalCurrent = (rpId, userHandle, name, displayName, acceptedIds) => {
    if (!supported()) {
      return;
    }
    if (typeof PublicKeyCredential.signalAllAcceptedCredentials === 'function') {
      PublicKeyCredential.signalAllAcceptedCredentials(
        {rpId: rpId, userId: userHandle, allAcceptedCredentialIds: acceptedIds}).catch(() => {});
    }
    if (typeof PublicKeyCredential.signalCurrentUserDetails === 'function') {
      PublicKeyCredential.signalCurrentUserDetails(
        {rpId: rpId, userId: userHandle, name: name, displayName: displayName}).catch(() => {});
    }
  };

  window.PracticalCrmPasskeys = {
    supported: supported,
    conditionalAvailable: conditionalAvailable,
    signIn: signIn,
    create: create,
    get: get,
    signalCurrent: signalCurrent,
    abortPending: abortPending,
    autofillState: () => autofill
  };
})();
