package com.practicalcrm.base.ui;

import java.time.Duration;

import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.UserService;
import com.practicalcrm.avatar.AvatarService;
import com.practicalcrm.avatar.AvatarSize;
import com.practicalcrm.avatar.ui.ProfilePictureChanged;
import com.practicalcrm.avatar.ui.UserAvatar;
import com.practicalcrm.profile.ui.EditProfileView;
import com.practicalcrm.profile.ui.ProfileView;
import com.practicalcrm.security.CurrentUser;
import com.practicalcrm.sessions.SessionEndReason;
import com.practicalcrm.sessions.SessionLimits;
import com.practicalcrm.sessions.SessionValidationFilter;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

/**
 * The app shell: product name on the left, the user's avatar menu in the top-right corner, the page below. It
 * also warns before the session ends: a small timer in the browser, set from the deadlines the server sends,
 * asks the server when it is due; the server then shows the notice (with "Stay signed in" for the idle timeout)
 * or reschedules. Those checks do not count as activity; after the end, the next check lands on sign-in.
 */
@Layout
@PermitAll
public class MainLayout extends Div implements RouterLayout {

    static final String SESSION_CHECK_EVENT = "session-check";
    private static final Duration CHECK_AFTER_END = Duration.ofSeconds(1);
    /**
     * One timer per layout element; a newer schedule replaces the older one. Returning to the tab checks at once
     * (browsers slow down timers of hidden tabs, and a computer may have slept).
     */
    private static final String SESSION_TIMER_SCRIPT = """
            const host = this;
            const timer = host.practicalCrmSessionTimer || (host.practicalCrmSessionTimer = {});
            clearTimeout(timer.id);
            if (!timer.check) {
              timer.check = () => { if (host.isConnected) host.dispatchEvent(new CustomEvent($0)); };
              document.addEventListener('visibilitychange', () => {
                if (document.visibilityState === 'visible') timer.check();
              });
            }
            timer.id = setTimeout(timer.check, $1);
            """;

    /**
     * Vaadin 25.2's menu bar breaks two ARIA rules while its menu is open (axe-core: critical): its items carry
     * {@code aria-selected}, not allowed on menu items, and the open menu's overlay (a {@code div} with
     * {@code tabindex} in the shadow roots of the submenu and its overlay) is a focusable element owned by the menu
     * bar, where only menu items may be. This removes both as they appear; the items stay focusable and the arrow
     * keys, Enter and Esc work as before (KeyboardWalkthroughIT).
     */
    private static final String MENU_ARIA_FIX = """
            const bar = this;
            const fix = () => {
              bar.querySelectorAll('vaadin-menu-bar-item[aria-selected]').forEach(i => i.removeAttribute('aria-selected'));
              bar.querySelectorAll('vaadin-menu-bar-submenu').forEach(sub => {
                const overlay = sub.shadowRoot && sub.shadowRoot.querySelector('vaadin-menu-bar-overlay');
                const part = overlay && overlay.shadowRoot && overlay.shadowRoot.querySelector('[part~=overlay][tabindex]');
                if (part) part.removeAttribute('tabindex');
              });
            };
            new MutationObserver(() => { fix(); requestAnimationFrame(fix); }).observe(bar, {subtree: true,
                childList: true, attributes: true, attributeFilter: ['aria-selected', 'opened']});
            fix();
            """;

    final MenuBar userMenu = new MenuBar();
    private final Div content = new Div();
    private final AvatarService avatars;
    private final Avatar avatar;
    private final UserProfile profile;
    private final SessionLimits sessionLimits;
    /** Created when first shown: most pages never need it, and every session would hold it. */
    Notification sessionNotice;
    private Paragraph sessionNoticeText;
    private Button staySignedIn;
    private Registration pictureChanges;

    public MainLayout(UserService users, AvatarService avatars, CurrentUser currentUser,
                      AuthenticationContext authentication, SessionLimits sessionLimits) {
        this.avatars = avatars;
        this.sessionLimits = sessionLimits;
        RouterLink home = new RouterLink("PracticalCRM", HomeView.class);
        home.addClassName("app-name");

        profile = users.findProfile(currentUser.require())
                .orElseThrow(() -> new IllegalStateException("Signed-in account no longer exists"));
        avatar = UserAvatar.of(profile, avatars.find(profile.id()), AvatarSize.SMALL);
        Span name = new Span(profile.fullName());
        name.addClassName("user-menu-name");
        Div trigger = new Div(avatar, name);
        trigger.addClassName("user-menu-trigger");

        userMenu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        userMenu.getElement().setAttribute("aria-label", "User menu");
        MenuItem root = userMenu.addItem(trigger);
        root.setAriaLabel("User menu for " + profile.fullName());
        userMenu.getElement().executeJs(MENU_ARIA_FIX);
        SubMenu menu = root.getSubMenu();
        menu.addItem("View Profile", e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(ProfileView.class)));
        menu.addItem("Edit Profile",
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(EditProfileView.class)));
        menu.addItem("Sign out", e -> authentication.logout());

        Header header = new Header(home, userMenu);
        header.addClassName("app-header");
        content.addClassName("app-content");
        add(header, content);
        addClassName("main-layout");

        // Also while a modal dialog is open: the check must not be blocked by it.
        getElement().addEventListener(SESSION_CHECK_EVENT, e -> sessionCheckDue()).allowInert();
    }

    private Notification sessionNotice() {
        if (sessionNotice == null) {
            sessionNotice = new Notification();
            sessionNoticeText = new Paragraph();
            staySignedIn = new Button("Stay signed in", e -> scheduleSessionCheck(true));
            sessionNotice.setDuration(0);
            sessionNotice.setPosition(Notification.Position.BOTTOM_CENTER);
            sessionNotice.setAssertive(true);
            staySignedIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Div noticeContent = new Div(sessionNoticeText, staySignedIn);
            noticeContent.addClassName("session-notice");
            sessionNotice.add(noticeContent);
            // The browser reports the notice opened or closed (by the server: after a check, "Stay signed in" or
            // activity in another tab) in requests of their own: not activity either.
            sessionNotice.getElement().addEventListener("opened-changed", e -> notUserActivity()).allowInert();
            sessionNotice.getElement().addEventListener("closed", e -> notUserActivity()).allowInert();
        }
        return sessionNotice;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // Attached on a page load or navigation, which is user activity.
        scheduleSessionCheck(true);
        pictureChanges = ProfilePictureChanged.listen(attachEvent.getUI(),
                () -> UserAvatar.show(avatar, avatars.find(profile.id()), AvatarSize.SMALL));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        pictureChanges.remove();
    }

    /** The browser's timer (or its return to the tab) asks: this is not user activity. */
    private void sessionCheckDue() {
        notUserActivity();
        scheduleSessionCheck(false);
    }

    private static void notUserActivity() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null) {
            request.setAttribute(SessionValidationFilter.NOT_ACTIVITY_ATTRIBUTE, Boolean.TRUE);
        }
    }

    /**
     * Shows or hides the notice and tells the browser when to ask next: when the notice is due, or, with the
     * notice showing, just after the end (that request then finds the session ended and the page goes to sign-in).
     *
     * @param activityNow true when the current request is user activity (it restarts the idle time)
     */
    private void scheduleSessionCheck(boolean activityNow) {
        VaadinSession vaadinSession = VaadinSession.getCurrent();
        WrappedSession session = vaadinSession == null ? null : vaadinSession.getSession();
        if (session == null) {
            return;
        }
        SessionLimits.TimeLeft left = sessionLimits.timeLeft(session::getAttribute, activityNow);
        Duration soonest = left.soonest();
        Duration nextCheck;
        if (soonest.compareTo(sessionLimits.warning()) <= 0) {
            showSessionNotice(left.first());
            nextCheck = soonest.plus(CHECK_AFTER_END);
        } else {
            if (sessionNotice != null) {
                sessionNotice.close();
            }
            nextCheck = soonest.minus(sessionLimits.warning());
        }
        getElement().executeJs(SESSION_TIMER_SCRIPT, SESSION_CHECK_EVENT,
                Math.max(nextCheck.toMillis(), CHECK_AFTER_END.toMillis()));
    }

    private void showSessionNotice(SessionEndReason reason) {
        Notification notice = sessionNotice();
        String within = SessionLimits.describe(sessionLimits.warning());
        if (reason == SessionEndReason.LIFETIME) {
            sessionNoticeText.setText("You will be signed out within " + within + " because you have been signed "
                    + "in for " + SessionLimits.describe(sessionLimits.lifetime())
                    + ". Save your work, then sign in again.");
            staySignedIn.setVisible(false);
        } else {
            sessionNoticeText.setText("For your security, you will be signed out within " + within
                    + " because there has been no activity.");
            staySignedIn.setVisible(true);
        }
        notice.open();
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.getElement().removeAllChildren();
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }
}
