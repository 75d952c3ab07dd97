package com.practicalcrm.base.ui;

import com.practicalcrm.avatar.AvatarService;
import com.practicalcrm.avatar.AvatarSize;
import com.practicalcrm.security.CurrentUser;
import com.practicalcrm.user.UserProfile;
import com.practicalcrm.user.UserService;
import com.practicalcrm.user.ui.EditProfileView;
import com.practicalcrm.user.ui.ProfilePictureChanged;
import com.practicalcrm.user.ui.ProfileView;
import com.practicalcrm.user.ui.UserAvatar;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;

import jakarta.annotation.security.PermitAll;

/** The app shell: product name on the left, the user's avatar menu in the top-right corner, the page below. */
@Layout
@PermitAll
public class MainLayout extends Div implements RouterLayout {

    final MenuBar userMenu = new MenuBar();
    private final Div content = new Div();
    private final AvatarService avatars;
    private final Avatar avatar;
    private final UserProfile profile;
    private Registration pictureChanges;

    public MainLayout(UserService users, AvatarService avatars, CurrentUser currentUser,
                      AuthenticationContext authentication) {
        this.avatars = avatars;
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
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        pictureChanges = ProfilePictureChanged.listen(attachEvent.getUI(),
                () -> UserAvatar.show(avatar, avatars.find(profile.id()), AvatarSize.SMALL));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        pictureChanges.remove();
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.getElement().removeAllChildren();
        if (view != null) {
            content.getElement().appendChild(view.getElement());
        }
    }
}
