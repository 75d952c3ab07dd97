package com.practicalcrm.avatar.ui;

import java.io.IOException;
import java.io.InputStream;

import com.practicalcrm.avatar.AvatarRejectedException;
import com.practicalcrm.avatar.AvatarService;
import com.practicalcrm.avatar.ProcessedAvatar;
import com.practicalcrm.common.UserId;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

/**
 * Receives an avatar upload and processes it right away, so the form can preview the result; nothing is stored
 * until the user saves. Unlike {@code UploadHandler.inMemory}, it hands the raw body to {@link AvatarService}, which
 * reads it only once a processing slot is free, one upload per user, and never more than the limit plus one byte,
 * whatever the client sends; it decodes outside the session lock (the UI stays responsive meanwhile).
 * A refused file is also reported to the Upload component, which then marks it as failed with our message.
 */
public final class AvatarUploadHandler implements UploadHandler {

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
        UI ui = event.getUI();
        ProcessedAvatar processed;
        try (InputStream in = event.getInputStream()) {
            processed = avatars.process(uploader, in);
        } catch (AvatarRejectedException e) {
            String message = e.getMessage();
            event.reject(message);
            ui.access(() -> onRejected.accept(message));
            return;
        }
        ui.access(() -> onAccepted.accept(processed));
    }
}
