package com.practicalcrm.user.ui;

import java.io.IOException;
import java.io.InputStream;

import com.practicalcrm.avatar.AvatarImageProcessor;
import com.practicalcrm.avatar.AvatarRejectedException;
import com.practicalcrm.avatar.AvatarService;
import com.practicalcrm.avatar.ProcessedAvatar;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Receives an avatar upload and processes it right away, so the form can preview the result; nothing is stored
 * until the user saves. Unlike {@code UploadHandler.inMemory}, it never reads more than the limit plus one byte,
 * whatever the client sends, and it decodes outside the session lock (the UI stays responsive meanwhile).
 * A refused file is also reported to the Upload component, which then marks it as failed with our message.
 */
final class AvatarUploadHandler implements UploadHandler {

    private final AvatarService avatars;
    private final SerializableConsumer<ProcessedAvatar> onAccepted;
    private final SerializableConsumer<String> onRejected;

    AvatarUploadHandler(AvatarService avatars, SerializableConsumer<ProcessedAvatar> onAccepted,
                        SerializableConsumer<String> onRejected) {
        this.avatars = avatars;
        this.onAccepted = onAccepted;
        this.onRejected = onRejected;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        UI ui = event.getUI();
        ProcessedAvatar processed;
        try (InputStream in = event.getInputStream()) {
            // One byte over the limit is enough for the pipeline to refuse the file as too large.
            processed = avatars.process(in.readNBytes(AvatarImageProcessor.MAX_UPLOAD_BYTES + 1));
        } catch (AvatarRejectedException e) {
            String message = e.getMessage();
            event.reject(message);
            ui.access(() -> onRejected.accept(message));
            return;
        }
        ui.access(() -> onAccepted.accept(processed));
    }
}
