package com.practicalcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.avatar.AvatarFixtures;

/** The manual's "Editing Your Profile": a new picture through the Upload widget, in Chromium. */
@PracticalCrmTest
class EditProfileWalkthroughIT extends BrowserTest {

    /** Loaded from the server: the header's small picture, or the profile page's large one. */
    private static final String LOADED_PICTURE = """
            const avatar = document.querySelector(arguments[0]);
            if (!avatar || !avatar.img) return null;
            const img = avatar.shadowRoot && avatar.shadowRoot.querySelector('img');
            return img && img.complete && img.naturalWidth > 0 ? avatar.img : null;
            """;

    @Autowired
    TestAccounts accounts;

    private Path file;

    @AfterEach
    void deleteFile() throws Exception {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void userUploadsAPictureSavesAndSeesItInTheHeaderAndOnTheProfile() throws Exception {
        signIn(accounts.create("Grace Murray"));
        open("profile");
        click("Edit Profile");
        waitUntil(d -> currentPath().equals("/profile/edit"));
        assertThat(pageText()).contains("Email Address").contains("Profile Picture (Avatar)")
                .contains("Choose File").contains("JPG, PNG, GIF, WebP - Max 2MB");

        file = Files.createTempFile("portrait", ".jpg");
        Files.write(file, AvatarFixtures.jpeg(1200, 900));
        fileInput().sendKeys(file.toAbsolutePath().toString());
        waitUntil(d -> pageText().contains("Preview: your new picture is kept when you save."));
        assertThat(js(LOADED_PICTURE, ".picture-row vaadin-avatar")).isNotNull();

        click("Save Changes");
        waitUntil(d -> currentPath().equals("/profile"));

        waitUntil(d -> js(LOADED_PICTURE, "vaadin-menu-bar vaadin-avatar") != null);
        assertThat((String) js(LOADED_PICTURE, "vaadin-menu-bar vaadin-avatar")).matches("avatars/\\d+/\\d+/small");
        waitUntil(d -> js(LOADED_PICTURE, ".profile-header vaadin-avatar") != null);
        assertThat((String) js(LOADED_PICTURE, ".profile-header vaadin-avatar")).matches("avatars/\\d+/\\d+/large");
    }

    @Test
    void fileOverTwoMegabytesIsRefusedInTheBrowserWithAMessage() throws Exception {
        signIn(accounts.create("Frances Spence"));
        open("profile/edit");

        file = Files.createTempFile("holiday", ".png");
        Files.write(file, AvatarFixtures.oneByteOverTheLimit());
        fileInput().sendKeys(file.toAbsolutePath().toString());

        waitUntil(d -> pageText().contains("The file is larger than 2 MB. Choose a smaller picture."));
        assertThat(pageText()).doesNotContain("Preview: your new picture");
    }

    private void signIn(UserProfile user) {
        open("login");
        type("Email", user.email().value());
        type("Password", TestAccounts.PASSWORD);
        click("Sign in");
        waitUntil(d -> !currentPath().equals("/login"));
    }

    /** The Upload's hidden file input (in its shadow root or light DOM), which a file path can be typed into. */
    private WebElement fileInput() {
        return waitForElement(() -> (WebElement) js("""
                const upload = document.querySelector('vaadin-upload');
                if (!upload) return null;
                return (upload.shadowRoot && upload.shadowRoot.querySelector('input[type=file]'))
                    || upload.querySelector('input[type=file]');
                """));
    }
}
