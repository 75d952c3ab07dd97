package com.practicalcrm.account.ui;

import java.io.ByteArrayInputStream;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.practicalcrm.common.ui.SectionIntro;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/** "Your data": Download my data (a JSON file) and Delete account. */
final class YourDataSection extends Section {

    final Button download = new Button("Download my data");
    final Button delete = new Button("Delete account");
    /** The link the browser follows to save the file; replaced by every download. */
    Anchor file;

    /**
     * @param exportFile builds the file when Download my data is clicked (checks are the service's)
     * @param fileName   the name the browser saves it under
     * @param deleteAccount called with the typed address: an error message for the field, or null when done
     * @param accountEmail  the address the person must type
     * @param confirmItsYou runs its argument once the person confirmed it's them ("Confirm it's you")
     */
    YourDataSection(Supplier<byte[]> exportFile, String fileName, Function<String, String> deleteAccount,
                    String accountEmail, Consumer<Runnable> confirmItsYou) {
        addClassName("profile-section");
        // The buttons sit side by side under the text without a wrapper of their own (styles.css).
        addClassName("your-data-section");
        download.addClickListener(e -> confirmItsYou.accept(() -> offer(exportFile.get(), fileName)));
        delete.addThemeVariants(ButtonVariant.ERROR);
        delete.addClickListener(e -> confirmItsYou.accept(
                () -> new DeleteAccountDialog(accountEmail, deleteAccount).open()));
        add(new SectionIntro("Your data", "Download my data gives you a JSON file with your profile, picture, two-factor "
                        + "settings, security activity, sessions, remembered browsers and passkeys (never passwords, "
                        + "secrets or codes). Delete account removes your account and everything that belongs to "
                        + "it, for good."),
                download, delete);
    }

    /** Hands the finished file to the browser: a download link, clicked at once. */
    private void offer(byte[] bytes, String fileName) {
        if (file != null) {
            remove(file);
        }
        file = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(bytes), fileName, "application/json;charset=UTF-8", bytes.length)),
                AttachmentType.DOWNLOAD, "Save " + fileName);
        file.setTarget(AnchorTarget.SELF);
        file.addClassName("data-download");
        add(file);
        file.getElement().executeJs("this.click()");
    }
}
