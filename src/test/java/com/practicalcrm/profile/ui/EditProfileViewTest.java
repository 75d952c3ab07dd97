package com.practicalcrm.profile.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.practicalcrm.MutableTestClock;
import com.practicalcrm.PracticalCrmTest;
import com.practicalcrm.reauth.ConfirmItsYouPrompt;
import com.practicalcrm.TestAccounts;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.UserService;
import com.practicalcrm.avatar.AvatarFixtures;
import com.practicalcrm.avatar.AvatarFixtures.BadUpload;
import com.practicalcrm.avatar.AvatarImage;
import com.practicalcrm.avatar.AvatarImageProcessor;
import com.practicalcrm.avatar.AvatarService;
import com.practicalcrm.avatar.AvatarSize;
import com.practicalcrm.avatar.StoredAvatar;
import com.practicalcrm.common.ClientInfo;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.emailchange.EmailChangeService;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.FileRejectedEvent;
import com.vaadin.flow.component.upload.UploadTester;

@PracticalCrmTest
class EditProfileViewTest extends SpringBrowserlessTest {

    @Autowired
    TestAccounts accounts;
    @Autowired
    AvatarService avatars;
    @Autowired
    EmailChangeService emailChanges;
    @Autowired
    UserService users;

    @Autowired
    MutableTestClock clock;

    @AfterEach
    void signOut() {
        accounts.signOut();
        clock.reset();
    }

    @Test
    void formUsesTheWordsOfTheManualAndTheUploadLimits() {
        signInNew("Alan Turing");
        EditProfileView view = navigate(EditProfileView.class);

        assertThat(view.email.getLabel()).isEqualTo("Email Address");
        assertThat($(Span.class).all()).extracting(Span::getText)
                .contains("Profile Picture (Avatar)", "JPG, PNG, GIF, WebP - Max 2MB");
        assertThat(((Button) view.upload.getUploadButton()).getText()).isEqualTo("Choose File");
        assertThat(view.upload.isDropAllowed()).isTrue();
        assertThat(view.save.getText()).isEqualTo("Save Changes");
        assertThat(view.cancel.getText()).isEqualTo("Cancel");
        assertThat(view.removePicture.getText()).isEqualTo("Remove picture");
        assertThat(view.upload.getMaxFileSize()).isEqualTo(2 * 1024 * 1024);
        assertThat(view.upload.getAcceptedFileTypes()).containsExactly("image/jpeg", ".jpg", ".jpeg",
                "image/png", ".png", "image/gif", ".gif", "image/webp", ".webp");
        assertThat(view.upload.getI18n().getError().getFileIsTooBig())
                .isEqualTo("The file is larger than 2 MB. Choose a smaller picture.");
        assertThat($(PasswordField.class).all()).as("the password is asked by Confirm it's you, if at all").isEmpty();
    }

    @Test
    void profilePageLeadsHere() {
        signInNew("Tim Berners-Lee");
        ProfileView profile = navigate(ProfileView.class);

        test(profile.editProfile).click();

        assertThat(getCurrentView()).isInstanceOf(EditProfileView.class);
    }

    @Test
    void uploadedPictureIsPreviewedAndStoredOnlyOnSave() throws java.io.IOException {
        UserProfile user = signInNew("Ada Byron");
        EditProfileView view = navigate(EditProfileView.class);

        new UploadTester<>(view.upload).upload("me.jpg", "image/jpeg", AvatarFixtures.jpeg(800, 600));

        assertThat(view.pictureError.isVisible()).isFalse();
        assertThat(view.previewNote.getText()).isEqualTo("Preview: your new picture is kept when you save.");
        // The processed 256-pixel square itself, inside the answer: no further request is needed to show it.
        String preview = view.preview.getImage();
        assertThat(preview).startsWith("data:image/jpeg;base64,");
        java.awt.image.BufferedImage shown = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode(preview.substring(preview.indexOf(',') + 1))));
        assertThat(shown.getWidth()).isEqualTo(AvatarSize.LARGE.pixels());
        assertThat(shown.getHeight()).isEqualTo(AvatarSize.LARGE.pixels());
        assertThat(avatars.find(user.id())).isEmpty();

        test(view.save).click();

        StoredAvatar stored = avatars.find(user.id()).orElseThrow();
        assertThat(getCurrentView()).isInstanceOf(ProfileView.class);
        assertThat(((ProfileView) getCurrentView()).avatar.getImage()).isEqualTo(stored.url(AvatarSize.LARGE));
        assertThat(headerAvatar().getImage()).isEqualTo(stored.url(AvatarSize.SMALL));
    }

    @Test
    void saveStoresBothSizesOfTheUploadedPicture() throws java.io.IOException {
        UserProfile user = signInNew("Mary Somerville");
        EditProfileView view = navigate(EditProfileView.class);
        byte[] upload = AvatarFixtures.jpeg(800, 600);

        new UploadTester<>(view.upload).upload("me.jpg", "image/jpeg", upload);
        test(view.save).click();

        StoredAvatar stored = avatars.find(user.id()).orElseThrow();
        // The small size is made after the upload's answer; what is stored is what the processor makes of the file.
        com.practicalcrm.avatar.ProcessedAvatar expected = new AvatarImageProcessor().process(upload);
        for (AvatarSize size : AvatarSize.values()) {
            AvatarImage image = avatars.image(user.id(), stored.version(), size).orElseThrow();
            assertThat(image.contentType()).isEqualTo("image/jpeg");
            assertThat(image.bytes()).as("%s", size).isEqualTo(expected.image(size).bytes());
            java.awt.image.BufferedImage decoded =
                    javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image.bytes()));
            assertThat(decoded.getWidth()).as("%s width", size).isEqualTo(size.pixels());
            assertThat(decoded.getHeight()).as("%s height", size).isEqualTo(size.pixels());
        }
    }

    static Stream<BadUpload> badUploads() {
        return AvatarFixtures.badUploads().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUploads")
    void badFileGetsItsOwnMessageAndChangesNothing(BadUpload bad) {
        UserProfile user = signInNew("Joan Clarke");
        StoredAvatar old = avatars.replace(user.id(), avatars.process(user.id(), AvatarFixtures.jpeg(320, 320)),
                ClientInfo.UNKNOWN);
        EditProfileView view = navigate(EditProfileView.class);

        // The browser would send any MIME type the name suggests; the server must not care.
        new UploadTester<>(view.upload).upload(bad.fileName(), "image/png", bad.bytes());

        assertThat(view.pictureError.isVisible()).isTrue();
        assertThat(view.pictureError.getText()).isEqualTo(bad.message());
        assertThat(view.preview.getImage()).isEqualTo(old.url(AvatarSize.LARGE));
        test(view.save).click();
        assertThat(avatars.find(user.id())).contains(old);
    }

    @Test
    void fileRefusedByTheBrowserShowsTheMessage() {
        signInNew("Tommy Flowers");
        EditProfileView view = navigate(EditProfileView.class);

        ComponentUtil.fireEvent(view.upload, new FileRejectedEvent(view.upload,
                view.upload.getI18n().getError().getFileIsTooBig(), "huge.jpg"));

        assertThat(view.pictureError.isVisible()).isTrue();
        assertThat(view.pictureError.getText()).isEqualTo("The file is larger than 2 MB. Choose a smaller picture.");
    }

    @Test
    void leavingThePictureBlankKeepsTheCurrentOne() {
        UserProfile user = signInNew("Kathleen Booth");
        StoredAvatar old = avatars.replace(user.id(), avatars.process(user.id(), AvatarFixtures.jpeg(320, 320)),
                ClientInfo.UNKNOWN);
        EditProfileView view = navigate(EditProfileView.class);

        assertThat(view.preview.getImage()).isEqualTo(old.url(AvatarSize.LARGE));
        test(view.save).click();

        assertThat(avatars.find(user.id())).contains(old);
        assertThat(getCurrentView()).isInstanceOf(ProfileView.class);
    }

    @Test
    void removePictureReturnsToInitialsInTheHeaderToo() {
        UserProfile user = signInNew("Mary Kenneth Keller");
        avatars.replace(user.id(), avatars.process(user.id(), AvatarFixtures.jpeg(320, 320)), ClientInfo.UNKNOWN);
        EditProfileView view = navigate(EditProfileView.class);
        assertThat(headerAvatar().getImage()).isNotNull();

        test(view.removePicture).click();
        assertThat(view.preview.getImage()).isNull();
        assertThat(avatars.find(user.id())).isPresent();
        test(view.save).click();

        assertThat(avatars.find(user.id())).isEmpty();
        assertThat(headerAvatar().getImage()).isNull();
        assertThat(headerAvatar().getAbbreviation()).isEqualTo("MK");
    }

    @Test
    void cancelDiscardsTheUploadedPicture() {
        UserProfile user = signInNew("Evelyn Boyd");
        EditProfileView view = navigate(EditProfileView.class);
        new UploadTester<>(view.upload).upload("me.png", "image/png", AvatarFixtures.transparentPng(300, 300));

        test(view.cancel).click();

        assertThat(getCurrentView()).isInstanceOf(ProfileView.class);
        assertThat(avatars.find(user.id())).isEmpty();
    }

    @Test
    void malformedEmailIsRefused() {
        UserProfile user = signInNew("Hedy Kiesler");
        EditProfileView view = navigate(EditProfileView.class);

        test(view.email).setValue("hedy at example");
        test(view.save).click();

        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo(EmailAddress.INVALID_MESSAGE);
        assertThat(emailChanges.pending(user.id())).isEmpty();
        assertThat(getCurrentView()).isInstanceOf(EditProfileView.class);
    }

    @Test
    void newEmailAsksConfirmItsYouWhenTheSignInIsOlderThanTenMinutes() {
        UserProfile user = signInNew("Margaret Hamilton");
        clock.advance(Duration.ofMinutes(11));
        EditProfileView view = navigate(EditProfileView.class);
        String newEmail = TestAccounts.uniqueEmail("margaret.new");

        test(view.email).setValue(newEmail);
        test(view.save).click();

        ConfirmItsYouPrompt prompt = ConfirmItsYouPrompt.shown();
        assertThat(prompt.title()).isEqualTo("Confirm it's you");
        assertThat(prompt.fieldLabel()).isEqualTo("Password");
        prompt.type("definitely-not-it").clickConfirm();
        assertThat(prompt.error()).isEqualTo("That password is not correct.");
        assertThat(emailChanges.pending(user.id())).isEmpty();
        assertThat(getCurrentView()).isInstanceOf(EditProfileView.class);

        prompt.type(TestAccounts.PASSWORD).pressEnter();

        assertThat(prompt.isOpen()).isFalse();
        assertThat(emailChanges.pending(user.id())).map(p -> p.newEmail().value()).contains(newEmail.toLowerCase());
        assertThat(getCurrentView()).isInstanceOf(ProfileView.class);
    }

    @Test
    void cancellingConfirmItsYouChangesNothing() {
        UserProfile user = signInNew("Grace Murray");
        clock.advance(Duration.ofMinutes(11));
        EditProfileView view = navigate(EditProfileView.class);

        test(view.email).setValue(TestAccounts.uniqueEmail("grace.new"));
        test(view.save).click();
        ConfirmItsYouPrompt.shown().cancel();

        assertThat(ConfirmItsYouPrompt.find()).isEmpty();
        assertThat(emailChanges.pending(user.id())).isEmpty();
        assertThat(getCurrentView()).isInstanceOf(EditProfileView.class);
    }

    @Test
    void emailOfAnotherAccountIsRefusedAndThePictureIsNotSavedEither() {
        UserProfile user = signInNew("Sophie Wilson");
        UserProfile other = accounts.create("Steve Furber");
        EditProfileView view = navigate(EditProfileView.class);
        new UploadTester<>(view.upload).upload("me.jpg", "image/jpeg", AvatarFixtures.jpeg(320, 320));

        test(view.email).setValue(other.email().value().toUpperCase());
        test(view.save).click();

        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage())
                .isEqualTo("This email address belongs to another account. Use a different one.");
        assertThat(avatars.find(user.id())).isEmpty();
    }

    @Test
    void newEmailWaitsForConfirmationAndTheProfileOffersToCancelIt() {
        UserProfile user = signInNew("Radia Perlman");
        String newEmail = TestAccounts.uniqueEmail("radia.new");
        EditProfileView view = navigate(EditProfileView.class);

        test(view.email).setValue(newEmail);
        test(view.save).click();

        assertThat(ConfirmItsYouPrompt.find()).as("signed in just now: no need to ask").isEmpty();
        ProfileView profile = (ProfileView) getCurrentView();
        assertThat(profile.email.getText()).isEqualTo(user.email().value());
        assertThat($(Span.class, profile.pendingEmail).id("pending-email").getText()).contains(newEmail.toLowerCase());
        assertThat(users.findProfile(user.id()).orElseThrow().email()).isEqualTo(user.email());

        test($(Button.class, profile.pendingEmail).single()).click();

        assertThat(profile.pendingEmail.isVisible()).isFalse();
        assertThat(emailChanges.pending(user.id())).isEmpty();
    }

    private UserProfile signInNew(String name) {
        UserProfile user = accounts.create(name);
        accounts.signIn(user);
        return user;
    }

    private Avatar headerAvatar() {
        List<Avatar> inHeader = $(Avatar.class).all().stream()
                .filter(a -> a.getParent().flatMap(p -> p.getClassNames().contains("user-menu-trigger")
                        ? Optional.of(p) : Optional.empty()).isPresent())
                .toList();
        assertThat(inHeader).hasSize(1);
        return inHeader.getFirst();
    }

    /** The Upload's thumbnail patch (DD-upload-without-hidden-work) goes to the page once, not with every visit. */
    @Test
    void theUploadsThumbnailPatchIsSentOncePerPage() {
        accounts.signIn(accounts.create("Ada Lovelace"));

        navigate(EditProfileView.class);
        assertThat(thumbnailPatchesInTheNextAnswer()).isEqualTo(1);
        navigate(ProfileView.class);
        navigate(EditProfileView.class);
        assertThat(thumbnailPatchesInTheNextAnswer()).as("the same page, again").isZero();
    }

    private static long thumbnailPatchesInTheNextAnswer() {
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return ui.getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(i -> i.getInvocation().getExpression().contains("vaadin-upload-file")).count();
    }
}
