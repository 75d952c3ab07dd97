package com.practicalcrm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.practicalcrm.MutableTestClock;
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

    /**
     * Records, when the upload's answer arrives (a listener added after the view's own), what the answer was and
     * whether the preview already shows it, before any UI request has brought it.
     */
    private static final String WATCH_UPLOAD_ANSWER = """
            const upload = document.querySelector('vaadin-upload');
            const avatar = document.querySelector('.picture-row vaadin-avatar');
            window.uploadAnswer = null;
            upload.addEventListener('upload-response', event => {
              const body = event.detail.xhr.responseText;
              window.uploadAnswer = {body: body, shownAtOnce: avatar.img === body};
            });
            """;

    /** The chosen file's entry in the Upload's list: its name, and whether it holds a thumbnail of the picture. */
    private static final String FILE_IN_LIST = """
            const entry = document.querySelector('vaadin-upload vaadin-upload-file');
            if (!entry) return null;
            const thumbnail = entry.shadowRoot.querySelector('[part=thumbnail], img');
            return entry.fileName + (thumbnail ? ' with thumbnail' : ' without thumbnail');
            """;

    /** How long the upload's progress bar takes to move to a new value. */
    private static final String PROGRESS_TRANSITION = """
            const bar = document.querySelector('vaadin-upload vaadin-upload-file > vaadin-progress-bar');
            const value = bar && bar.shadowRoot.querySelector('[part=value]');
            return value ? getComputedStyle(value).transitionDuration : null;
            """;

    @Autowired
    TestAccounts accounts;
    @Autowired
    MutableTestClock clock;

    private Path file;

    @AfterEach
    void deleteFile() throws Exception {
        clock.reset();
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
        WebElement input = fileInput();
        js(WATCH_UPLOAD_ANSWER);
        input.sendKeys(file.toAbsolutePath().toString());
        waitUntil(d -> pageText().contains("Preview: your new picture is kept when you save."));
        String preview = (String) js(LOADED_PICTURE, ".picture-row vaadin-avatar");
        assertThat(preview).startsWith("data:image/jpeg;base64,");
        // The upload's own answer is the preview, shown as it arrives; the UI's answer later brings the same URL.
        assertThat((Boolean) js("return window.uploadAnswer.shownAtOnce;")).isTrue();
        assertThat((String) js("return window.uploadAnswer.body;")).isEqualTo(preview);
        // The file list shows the file's name and progress, and never read the picture into a hidden thumbnail.
        assertThat((String) js(FILE_IN_LIST)).isEqualTo(file.getFileName() + " without thumbnail");
        // Its progress bar steps instead of easing each change over 100 ms (styles.css).
        assertThat((String) js(PROGRESS_TRANSITION)).isEqualTo("0s");

        click("Save Changes");
        waitUntil(d -> currentPath().equals("/profile"));

        waitUntil(d -> js(LOADED_PICTURE, "vaadin-menu-bar vaadin-avatar") != null);
        assertThat((String) js(LOADED_PICTURE, "vaadin-menu-bar vaadin-avatar")).matches("avatars/\\d+/\\d+/small");
        waitUntil(d -> js(LOADED_PICTURE, ".profile-header vaadin-avatar") != null);
        assertThat((String) js(LOADED_PICTURE, ".profile-header vaadin-avatar")).matches("avatars/\\d+/\\d+/large");
    }

    @Test
    void aNewAddressAsksConfirmItsYouOnceForSeveralChanges() {
        signIn(accounts.create("Ada Byron"));
        clock.advance(Duration.ofMinutes(11));
        open("profile/edit");
        String first = TestAccounts.uniqueEmail("ada.first");
        type("Email Address", first);
        click("Save Changes");

        waitUntil(d -> pageText().contains("Confirm it's you"));
        type("Password", "not-my-password-at-all");
        field("Password").sendKeys(Keys.ENTER);
        waitUntil(d -> pageText().contains("That password is not correct."));
        assertThat(currentPath()).isEqualTo("/profile/edit");
        type("Password", TestAccounts.PASSWORD);
        field("Password").sendKeys(Keys.ENTER);
        waitUntil(d -> currentPath().equals("/profile") && pageText().contains(first));

        // Within the window a second change does not ask again: the confirmation lives in the session.
        open("profile/edit");
        String second = TestAccounts.uniqueEmail("ada.second");
        type("Email Address", second);
        click("Save Changes");
        // Had the dialog opened, Save Changes would have waited for it instead of going on to the profile.
        waitUntil(d -> currentPath().equals("/profile") && pageText().contains(second));
        assertThat(pageText()).contains("Confirmed it's you", "Wrong password or code at \"Confirm it's you\"");
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
