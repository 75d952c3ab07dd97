package com.practicalcrm.profile.ui;

import java.util.Optional;

import org.springframework.context.annotation.Scope;

import com.practicalcrm.account.EmailAlreadyInUseException;
import com.practicalcrm.account.UserProfile;
import com.practicalcrm.account.UserService;
import com.practicalcrm.avatar.AvatarImageProcessor;
import com.practicalcrm.avatar.AvatarService;
import com.practicalcrm.avatar.AvatarSize;
import com.practicalcrm.avatar.ProcessedAvatar;
import com.practicalcrm.avatar.StoredAvatar;
import com.practicalcrm.avatar.ui.AvatarUploadHandler;
import com.practicalcrm.avatar.ui.ProfilePictureChanged;
import com.practicalcrm.avatar.ui.UserAvatar;
import com.practicalcrm.common.EmailAddress;
import com.practicalcrm.common.UserId;
import com.practicalcrm.emailchange.EmailChangeService;
import com.practicalcrm.reauth.ConfirmItsYou;
import com.practicalcrm.security.ClientInfoResolver;
import com.practicalcrm.security.CurrentUser;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.annotation.SpringComponent;

import jakarta.annotation.security.PermitAll;

/**
 * Edit Profile: the email address (changed only through a confirmation link, after "Confirm it's you") and the
 * profile picture (uploaded, checked and previewed at once, stored only on Save Changes).
 * <p>
 * A prototype bean, so that Spring works out its constructor's arguments once; as a plain class, Vaadin would have
 * Spring resolve every dependency anew on each visit (about 7 % of the CPU of {@code bench/LoadTest}).
 */
@SpringComponent
@Scope("prototype")
@Route("profile/edit")
@PageTitle("Edit Profile · PracticalCRM")
@PermitAll
public class EditProfileView extends Main {

    static final String[] ACCEPTED_FILE_TYPES = {"image/jpeg", ".jpg", ".jpeg", "image/png", ".png", "image/gif",
            ".gif", "image/webp", ".webp"};
    static final String HINT = "JPG, PNG, GIF, WebP - Max 2MB";
    static final String TOO_BIG = "The file is larger than 2 MB. Choose a smaller picture.";
    static final String WRONG_TYPE = "This type of file is not supported. Upload a JPG, PNG, GIF or WebP image.";

    private final AvatarService avatars;
    private final EmailChangeService emailChanges;
    private final ClientInfoResolver clients;
    private final ConfirmItsYou confirmItsYou;
    private final UserProfile profile;
    private final Optional<StoredAvatar> storedPicture;

    final EmailField email = new EmailField("Email Address");
    final Avatar preview;
    final Span previewNote = new Span();
    final Upload upload;
    final Span pictureError = new Span();
    final Button removePicture = new Button("Remove picture");
    final Button save = new Button("Save Changes");
    final Button cancel = new Button("Cancel");

    /** The checked and processed new picture, kept here until Save Changes; null keeps the current one. */
    private ProcessedAvatar newPicture;
    private boolean removeRequested;

    public EditProfileView(UserService users, AvatarService avatars, EmailChangeService emailChanges,
                           CurrentUser currentUser, ClientInfoResolver clients, ConfirmItsYou confirmItsYou) {
        this.avatars = avatars;
        this.confirmItsYou = confirmItsYou;
        this.emailChanges = emailChanges;
        this.clients = clients;
        UserId userId = currentUser.require();
        this.profile = users.findProfile(userId)
                .orElseThrow(() -> new IllegalStateException("Signed-in account no longer exists"));
        this.storedPicture = avatars.find(userId);
        addClassName("profile-page");
        addClassName("edit-profile-page");

        email.setValue(profile.email().value());
        email.setMaxLength(EmailAddress.MAX_LENGTH);
        email.setAutocomplete(Autocomplete.EMAIL);
        email.setHelperText("A confirmation link goes to a new address; it is used once you open it.");
        email.setWidthFull();

        preview = UserAvatar.of(profile, storedPicture, AvatarSize.LARGE);
        preview.addThemeVariants(AvatarVariant.XLARGE);
        preview.addClassName("profile-avatar");
        previewNote.addClassName("picture-note");
        previewNote.getElement().setAttribute("aria-live", "polite");

        upload = avatarUpload();
        AvatarUploadHandler.showPreviewFromAnswer(upload, preview);
        AvatarUploadHandler.withoutHiddenThumbnails(upload);
        Span pictureLabel = new Span("Profile Picture (Avatar)");
        pictureLabel.setId("avatar-upload-label");
        pictureLabel.addClassName("field-label");
        upload.getElement().setAttribute("aria-labelledby", "avatar-upload-label avatar-upload-hint");
        Span hint = new Span(HINT);
        hint.setId("avatar-upload-hint");
        hint.addClassName("picture-hint");
        pictureError.addClassName("picture-error");
        pictureError.getElement().setAttribute("role", "alert");
        pictureError.setVisible(false);

        removePicture.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        removePicture.addClickListener(e -> removePicture());
        removePicture.setVisible(storedPicture.isPresent());

        Div pictureControls = new Div(upload, hint, pictureError, removePicture);
        pictureControls.addClassName("picture-controls");
        Div pictureRow = new Div(new Div(preview, previewNote), pictureControls);
        pictureRow.addClassName("picture-row");
        Div picture = new Div(pictureLabel, pictureRow);
        picture.addClassName("picture-field");

        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        cancel.addClickListener(e -> backToProfile());
        Div buttons = new Div(save, cancel);
        buttons.addClassName("form-buttons");

        Div form = new Div(email, picture, buttons);
        form.addClassName("edit-profile-form");
        add(new H1("Edit Profile"), form);
    }

    private Upload avatarUpload() {
        Upload avatarUpload = new Upload(
                new AvatarUploadHandler(avatars, profile.id(), this::showNewPicture, this::showRefusal));
        // Raw request body: nothing is parsed or buffered to disk before the handler reads at most the limit.
        avatarUpload.setUploadFormat(UploadFormat.RAW);
        avatarUpload.setAcceptedFileTypes(ACCEPTED_FILE_TYPES);
        avatarUpload.setMaxFileSize(AvatarImageProcessor.MAX_UPLOAD_BYTES);
        avatarUpload.setMaxFiles(1);
        avatarUpload.setUploadButton(new Button("Choose File"));
        avatarUpload.setDropLabel(new Span("or drop a picture here"));
        UploadI18N i18n = new UploadI18N();
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(TOO_BIG)
                .setIncorrectFileType(WRONG_TYPE)
                .setTooManyFiles("Choose one picture."));
        avatarUpload.setI18n(i18n);
        // Refused in the browser (size, type): the server never sees the file.
        avatarUpload.addFileRejectedListener(e -> showRefusal(e.getErrorMessage()));
        avatarUpload.addFileRemovedListener(e -> discardNewPicture());
        return avatarUpload;
    }

    private void showNewPicture(ProcessedAvatar picture) {
        newPicture = picture;
        removeRequested = false;
        pictureError.setVisible(false);
        // The same data: URL that the upload's answer carries and the browser already shows (AvatarUploadHandler).
        preview.setImage(AvatarUploadHandler.previewUrl(picture));
        previewNote.setText("Preview: your new picture is kept when you save.");
        removePicture.setVisible(true);
    }

    /** The old picture (or the pending one) stays as it was: a refused file changes nothing. */
    private void showRefusal(String message) {
        pictureError.setText(message);
        pictureError.setVisible(true);
    }

    private void discardNewPicture() {
        if (newPicture != null) {
            newPicture = null;
            UserAvatar.show(preview, storedPicture, AvatarSize.LARGE);
            previewNote.setText("");
            removePicture.setVisible(storedPicture.isPresent());
        }
    }

    private void removePicture() {
        newPicture = null;
        removeRequested = storedPicture.isPresent();
        upload.clearFileList();
        pictureError.setVisible(false);
        UserAvatar.show(preview, Optional.empty(), AvatarSize.LARGE);
        previewNote.setText(removeRequested ? "Your picture is removed when you save; your initials show instead."
                : "");
        removePicture.setVisible(false);
    }

    private boolean emailChanged() {
        return !EmailAddress.normalize(email.getValue()).equals(profile.email().value());
    }

    private void save() {
        if (!EmailAddress.isValidInput(email.getValue())) {
            invalid(email, EmailAddress.INVALID_MESSAGE);
            return;
        }
        email.setInvalid(false);
        if (emailChanged()) {
            // A new address is a sensitive change: the user confirms it's them first (unless they just did).
            confirmItsYou.run(() -> store(true));
        } else {
            store(false);
        }
    }

    private void store(boolean emailChanged) {
        // The email change goes first: when it is refused, the picture is not saved either.
        if (emailChanged) {
            try {
                emailChanges.requestChange(profile.id(), email.getValue(), clients.current());
            } catch (EmailAlreadyInUseException | IllegalArgumentException e) {
                invalid(email, e.getMessage());
                return;
            }
        }
        boolean pictureChanged = savePicture();
        UI ui = UI.getCurrent();
        if (pictureChanged) {
            ProfilePictureChanged.fire(ui);
        }
        String message = emailChanged
                ? "Check " + EmailAddress.normalize(email.getValue()) + " for a confirmation link. Your email "
                        + "address changes when you open it."
                : "Your profile is saved.";
        Notification notification = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.SUCCESS);
        backToProfile();
    }

    /** @return whether the picture changed */
    private boolean savePicture() {
        if (newPicture != null) {
            avatars.replace(profile.id(), newPicture, clients.current());
            return true;
        }
        if (removeRequested) {
            avatars.remove(profile.id(), clients.current());
            return true;
        }
        return false;
    }

    private void backToProfile() {
        getUI().ifPresent(ui -> ui.navigate(ProfileView.class));
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
