package com.practicalcrm.avatar.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.practicalcrm.avatar.AvatarRejectedException;
import com.practicalcrm.avatar.AvatarService;
import com.practicalcrm.avatar.AvatarSize;
import com.practicalcrm.avatar.ProcessedAvatar;
import com.practicalcrm.common.UserId;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadResult;

/**
 * Receives an avatar upload and processes it right away, so the form can preview the result; nothing is stored
 * until the user saves. Unlike {@code UploadHandler.inMemory}, it hands the raw body to {@link AvatarService}, which
 * reads it only once a processing slot is free, one upload per user, and never more than the limit plus one byte,
 * whatever the client sends; it decodes outside the session lock (the UI stays responsive meanwhile).
 * A refused file is also reported to the Upload component, which then marks it as failed with our message.
 *
 * <p>The answer to an accepted upload is the preview itself, the 256 px picture as a {@code data:} URL
 * ({@link #previewUrl}), and {@link #showPreviewFromAnswer} makes the browser show it as soon as that answer
 * arrives: one round trip fewer than waiting for the UI request that the upload's success event starts (which
 * still brings the same URL, the note under the picture and the buttons' state). The smaller sizes, which the
 * preview does not need, are made once that answer is sent ({@link ProcessedAvatar#completeSmallerSizes()}).
 */
public final class AvatarUploadHandler implements UploadHandler {

    /** What the browser accepts as a preview from the upload's answer; anything else is ignored there. */
    static final String PREVIEW_PATTERN = "^data:image/(jpeg|png);base64,[A-Za-z0-9+/]+=*$";

    private static final Logger log = LoggerFactory.getLogger(AvatarUploadHandler.class);

    /**
     * The picture this thread has just accepted, until {@link #responseHandled} writes its preview: Vaadin calls
     * both on the request's thread, one after the other, and passes no state from one to the other.
     */
    private static final ThreadLocal<ProcessedAvatar> ACCEPTED = new ThreadLocal<>();

    /** UI data: the page has run {@link #withoutHiddenThumbnails}. */
    private static final String HIDDEN_THUMBNAILS_OFF = AvatarUploadHandler.class.getName() + ".hiddenThumbnailsOff";

    private final AvatarService avatars;
    private final UserId uploader;
    private final SerializableConsumer<ProcessedAvatar> onAccepted;
    private final SerializableConsumer<String> onRejected;

    public AvatarUploadHandler(AvatarService avatars, UserId uploader, SerializableConsumer<ProcessedAvatar> onAccepted,
                        SerializableConsumer<String> onRejected) {
        this.avatars = avatars;
        this.uploader = uploader;
        this.onAccepted = onAccepted;
        this.onRejected = onRejected;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        ACCEPTED.remove();
        UI ui = event.getUI();
        ProcessedAvatar processed;
        try (InputStream in = event.getInputStream()) {
            processed = avatars.process(uploader, in, event.getFileSize()); // the raw body's Content-Length
        } catch (AvatarRejectedException e) {
            String message = e.getMessage();
            event.reject(message);
            ui.access(() -> onRejected.accept(message));
            return;
        }
        // The UI's state first: the UI request that the answer's success event starts must find it changed.
        ui.access(() -> onAccepted.accept(processed));
        ACCEPTED.set(processed);
    }

    /**
     * Vaadin calls this on the same thread right after {@link #handleUploadRequest}, to write the answer. After an
     * accepted upload that is the preview, and only once it is sent are the smaller sizes made (on this thread,
     * while the browser shows the preview), since the preview does not need them.
     */
    @Override
    public void responseHandled(UploadResult result) {
        ProcessedAvatar accepted = ACCEPTED.get();
        ACCEPTED.remove();
        if (accepted == null || !result.success() || result.exception() != null || !result.allAccepted()) {
            UploadHandler.super.responseHandled(result);
            return;
        }
        answerWithPreview(result.response(), accepted);
    }

    /**
     * Sends the preview ({@link #previewUrl}) as the whole answer, flushed at once, then makes the smaller sizes.
     */
    static void answerWithPreview(VaadinResponse response, ProcessedAvatar accepted) {
        try {
            writePreview(response, accepted);
        } finally {
            accepted.completeSmallerSizes();
        }
    }

    private static void writePreview(VaadinResponse response, ProcessedAvatar accepted) {
        String preview = previewUrl(accepted);
        response.setStatus(HttpStatusCode.OK.getCode());
        // ASCII only (Base64), so the length in characters is the length in bytes.
        response.setContentType("text/plain;charset=US-ASCII");
        response.setContentLengthLong(preview.length());
        try {
            PrintWriter out = response.getWriter();
            out.write(preview);
            out.flush(); // all of it now: with its length known, the browser has the answer before the request ends
        } catch (IOException gone) {
            log.debug("The browser left before the preview was sent", gone);
        }
    }

    /** The large picture as a {@code data:} URL (the policy allows data: images): shown without another request. */
    public static String previewUrl(ProcessedAvatar picture) {
        return "data:" + picture.contentType() + ";base64,"
                + Base64.getEncoder().encodeToString(picture.image(AvatarSize.LARGE).bytes());
    }

    /**
     * Stops the Upload's file list from reading each chosen picture into a thumbnail that is never shown. Vaadin's
     * {@code vaadin-upload-file} reads every {@code image/*} file whole with a {@code FileReader} into a
     * {@code data:} URL (2.6 MB of text for a 1.9 MB photo) and loads it into an {@code img}, whether or not the
     * {@code thumbnails} variant that shows it is used; we do not use it. In the avatar benchmark that work ran
     * while the server decoded the upload and took the preview from 101 to 72 ms on 2 cores (see the README).
     * Other variants keep Vaadin's behaviour. The patch is on the element class, sent once per page (the UI
     * remembers it), not with every Edit Profile that the page opens; if Vaadin renames the method, thumbnails are
     * read again and {@code EditProfileWalkthroughIT} fails (docs/design-decisions/DD-upload-without-hidden-work.md).
     */
    public static void withoutHiddenThumbnails(Upload upload) {
        UI ui = UI.getCurrent();
        if (ui == null || ComponentUtil.getData(ui, HIDDEN_THUMBNAILS_OFF) != null) {
            return;
        }
        ComponentUtil.setData(ui, HIDDEN_THUMBNAILS_OFF, Boolean.TRUE);
        // On the page, not on the upload: it must run even if this view is never shown.
        ui.getPage().executeJs("""
                customElements.whenDefined('vaadin-upload-file').then(() => {
                  const file = customElements.get('vaadin-upload-file').prototype;
                  const read = file.__updateThumbnail;
                  if (typeof read !== 'function' || read.withoutHiddenThumbnails) return;
                  const patched = function (chosen) {
                    const upload = this.closest('vaadin-upload');
                    const theme = [this.getAttribute('theme'), upload && upload.getAttribute('theme')].join(' ');
                    if (/(^|\\s)thumbnails(\\s|$)/.test(theme)) return read.call(this, chosen);
                    if (this.__thumbnailReader) this.__thumbnailReader.abort();
                    this.__thumbnailReader = null;
                    this.__thumbnail = '';
                  };
                  patched.withoutHiddenThumbnails = true;
                  file.__updateThumbnail = patched;
                });""");
    }

    /**
     * Makes the browser show the preview from the upload's answer the moment it arrives (the Upload's
     * {@code upload-response} event), if it is a {@code data:} URL of a JPEG or PNG; the server's UI state follows
     * with the same URL in the next UI answer, so the picture does not change again.
     */
    public static void showPreviewFromAnswer(Upload upload, Avatar preview) {
        upload.getElement().executeJs("""
                const avatar = $0;
                const preview = new RegExp($1);
                this.addEventListener('upload-response', event => {
                  const xhr = event.detail.xhr;
                  if (xhr.status === 200 && preview.test(xhr.responseText)) {
                    avatar.img = xhr.responseText;
                  }
                });""", preview.getElement(), PREVIEW_PATTERN);
    }
}
