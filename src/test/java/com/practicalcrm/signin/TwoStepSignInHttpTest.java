package com.practicalcrm.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.security.AppUserPrincipal;
import com.practicalcrm.security.events.SecurityEvent;
import com.practicalcrm.security.events.SecurityEventService;
import com.practicalcrm.security.events.SecurityEventType;
import com.practicalcrm.twofactor.SecondFactorPolicy;
import com.practicalcrm.twofactor.TwoFactorFixture;
import com.practicalcrm.twofactor.TwoFactorService;

/**
 * The half-signed-in state at the HTTP level, through the real security filter chain: after the password, a
 * user with 2FA reaches nothing but the code page until a correct code arrives in time.
 */
@PracticalCrmTest
class TwoStepSignInHttpTest {

    /**
     * The Vaadin views behind sign-in. Paths outside Vaadin are denied to everyone by Vaadin's configurer unless
     * SecurityConfig gives them an {@code authenticated()} rule, which the factory test below covers.
     */
    // Vaadin routes and a plain MVC endpoint (profile pictures) alike.
    private static final List<String> PROTECTED = List.of("/", "/profile", "/profile/edit", "/avatars/1/1/small");

    @Autowired
    WebApplicationContext context;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TwoFactorService twoFactor;
    @Autowired
    SecurityEventService events;
    @Autowired
    MutableTestClock clock;
    @Autowired
    AuthorizationManagerFactory<Object> authorizationManagerFactory;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void userWithoutTwoFactorGoesStraightIn() throws Exception {
        UserProfile user = accounts.create("Plain User");
        MockHttpSession session = signInWithPassword(user);

        MockHttpServletResponse profile = mvc.perform(get("/profile").session(session)).andReturn().getResponse();

        assertThat(profile.getStatus()).isEqualTo(200);
        assertThat(profile.getRedirectedUrl()).isNull();
        assertThat(latestEvent(user)).isEqualTo(SecurityEventType.SIGN_IN);
    }

    @Test
    void userWithTwoFactorMustEnterCodeAfterPasswordOnEveryRoute() throws Exception {
        UserProfile user = accounts.create("Half Signed");
        TwoFactorFixture.enable(twoFactor, clock, user.id());
        MockHttpSession session = signInWithPassword(user);
        assertThat(latestEvent(user)).isEqualTo(SecurityEventType.SIGN_IN_PASSWORD_ACCEPTED);

        for (String path : PROTECTED) {
            MockHttpServletResponse response = mvc.perform(get(path).session(session)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).as(path).startsWith("/login/code?");
        }
        MockHttpServletResponse codePage = mvc.perform(get("/login/code").session(session)).andReturn().getResponse();
        assertThat(codePage.getRedirectedUrl()).isNull();
        assertThat(codePage.getStatus()).isLessThan(300);
        assertThat(mvc.perform(get("/actuator/health").session(session)).andReturn().getResponse().getStatus())
                .as("permitAll resources stay open").isEqualTo(200);
    }

    @Test
    void correctCodeReachesTheFirstAskedForPageWithBothFactorsAndANewSessionId() throws Exception {
        UserProfile user = accounts.create("Full Signed");
        TwoFactorFixture.Enabled enabled = TwoFactorFixture.enable(twoFactor, clock, user.id());
        MockHttpSession session = signInWithPassword(user);
        mvc.perform(get("/profile").session(session));
        String idBeforeCode = session.getId();
        clock.advance(Duration.ofSeconds(30));

        // As a browser does: the request names the session it belongs to (its cookie). Since Spring 7.0.10 a mock
        // request without a requested session id reports it invalid, and session fixation protection then
        // (rightly) leaves the session alone.
        MockHttpServletResponse response = mvc.perform(post("/login/code").session(session).with(csrf())
                .with(request -> {
                    request.setRequestedSessionId(idBeforeCode);
                    return request;
                })
                .param("code", enabled.codeAt(clock.instant()))).andReturn().getResponse();

        assertThat(response.getRedirectedUrl()).contains("/profile");
        assertThat(session.getId()).isNotEqualTo(idBeforeCode);
        assertThat(authorities(session)).contains("FACTOR_PASSWORD", "FACTOR_TOTP", "ROLE_USER");
        MockHttpServletResponse profile = mvc.perform(get("/profile").session(session)).andReturn().getResponse();
        assertThat(profile.getStatus()).isEqualTo(200);
        assertThat(profile.getRedirectedUrl()).isNull();
        assertThat(latestEvent(user)).isEqualTo(SecurityEventType.SIGN_IN);
    }

    @Test
    void wrongCodeStaysOnTheCodePageWithTheReason() throws Exception {
        UserProfile user = accounts.create("Wrong Code");
        TwoFactorFixture.Enabled enabled = TwoFactorFixture.enable(twoFactor, clock, user.id());
        MockHttpSession session = signInWithPassword(user);
        String reused = enabled.codeAt(clock.instant());

        MockHttpServletResponse response = mvc.perform(post("/login/code").session(session).with(csrf())
                .param("code", reused)).andReturn().getResponse();

        assertThat(response.getRedirectedUrl()).isEqualTo("/login/code?error");
        assertThat(session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION))
                .isInstanceOf(SecondFactorRejectedException.class)
                .hasFieldOrPropertyWithValue("message", "That code was already used. Wait for the next one.");
        assertThat(mvc.perform(get("/profile").session(session)).andReturn().getResponse().getRedirectedUrl())
                .startsWith("/login/code?");
    }

    @Test
    void recoveryCodeCompletesSignInAndTellsHowManyAreLeft() throws Exception {
        UserProfile user = accounts.create("Lost Phone");
        TwoFactorFixture.Enabled enabled = TwoFactorFixture.enable(twoFactor, clock, user.id());
        MockHttpSession session = signInWithPassword(user);

        MockHttpServletResponse response = mvc.perform(post("/login/code").session(session).with(csrf())
                .param("recovery-code", enabled.recoveryCodes().get(5))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).doesNotContain("/login");
        assertThat(session.getAttribute(TwoFactorSignInHandlers.NOTICE_ATTRIBUTE))
                .isEqualTo("You have 9 recovery codes left.");
        assertThat(authorities(session)).contains("FACTOR_TOTP");
    }

    @Test
    void codePostedWithoutCsrfTokenIsRefused() throws Exception {
        UserProfile user = accounts.create("Forged Post");
        TwoFactorFixture.Enabled enabled = TwoFactorFixture.enable(twoFactor, clock, user.id());
        MockHttpSession session = signInWithPassword(user);
        clock.advance(Duration.ofSeconds(30));

        MockHttpServletResponse response = mvc.perform(post("/login/code").session(session)
                .param("code", enabled.codeAt(clock.instant()))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(authorities(session)).doesNotContain("FACTOR_TOTP");
    }

    @Test
    void afterFiveMinutesEvenACorrectCodeIsRefusedAndSignInStartsOver() throws Exception {
        UserProfile user = accounts.create("Slow Typist");
        TwoFactorFixture.Enabled enabled = TwoFactorFixture.enable(twoFactor, clock, user.id());
        MockHttpSession session = signInWithPassword(user);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(mvc.perform(get("/login/code").session(session)).andReturn().getResponse().getStatus())
                .as("the code page itself is closed").isGreaterThanOrEqualTo(300);
        MockHttpServletResponse response = mvc.perform(post("/login/code").session(session).with(csrf())
                .param("code", enabled.codeAt(clock.instant()))).andReturn().getResponse();

        assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void everyAuthenticatedRuleOfTheAppAlsoAsksUsersWithTwoFactorForTheCode() {
        UserProfile withCode = accounts.create("Endpoint User");
        TwoFactorFixture.enable(twoFactor, clock, withCode.id());
        UserProfile withoutCode = accounts.create("Endpoint Plain");
        // The rule an endpoint such as /avatars/** gets with .authenticated() in SecurityConfig.
        AuthorizationManager<Object> endpointRule = authorizationManagerFactory.authenticated();

        AuthorizationResult halfSignedIn = endpointRule.authorize(() -> passwordOnly(withCode), new Object());
        assertThat(halfSignedIn.isGranted()).isFalse();
        assertThat(halfSignedIn).isInstanceOf(FactorAuthorizationDecision.class);
        assertThat(endpointRule.authorize(() -> withBothFactors(withCode), new Object()).isGranted()).isTrue();
        assertThat(endpointRule.authorize(() -> passwordOnly(withoutCode), new Object()).isGranted()).isTrue();
    }

    private static Authentication passwordOnly(UserProfile user) {
        return authenticated(user, FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
    }

    private static Authentication withBothFactors(UserProfile user) {
        return authenticated(user, FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY),
                FactorGrantedAuthority.fromAuthority(SecondFactorPolicy.TOTP_AUTHORITY));
    }

    private static Authentication authenticated(UserProfile user, GrantedAuthority... factors) {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>(List.of(factors));
        authorities.add(new SimpleGrantedAuthority(AppUserPrincipal.ROLE_USER));
        return UsernamePasswordAuthenticationToken.authenticated(
                new AppUserPrincipal(user.id(), user.email().value(), null, 0), null, authorities);
    }

    private MockHttpSession signInWithPassword(UserProfile user) throws Exception {
        var result = mvc.perform(formLogin("/login").user(user.email().value()).password(TestAccounts.PASSWORD))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private static List<String> authorities(MockHttpSession session) {
        SecurityContext context = (SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        Authentication authentication = context == null ? null : context.getAuthentication();
        return authentication == null ? List.of()
                : authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    }

    private SecurityEventType latestEvent(UserProfile user) {
        return events.latest(user.id(), 1).stream().map(SecurityEvent::type).findFirst().orElseThrow();
    }
}
