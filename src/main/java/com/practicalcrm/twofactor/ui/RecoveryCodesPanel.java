package com.practicalcrm.twofactor.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

/** The recovery codes as a list, with copy, download as a .txt file and print. */
final class RecoveryCodesPanel extends Div {

    static final String FILE_NAME = "practicalcrm-recovery-codes.txt";

    final OrderedList list = new OrderedList();

    RecoveryCodesPanel(List<String> codes) {
        addClassName("recovery-codes");
        list.setId("recovery-codes");
        list.addClassName("recovery-code-list");
        codes.forEach(code -> list.add(new ListItem(code)));
        String text = asText(codes);

        Button copy = ClientActions.copyButton("Copy codes", text);
        byte[] file = text.getBytes(StandardCharsets.UTF_8);
        Anchor download = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(file), FILE_NAME, "text/plain;charset=UTF-8", file.length)),
                AttachmentType.DOWNLOAD, "Download .txt");
        download.addClassName("recovery-code-download");
        Button print = new Button("Print", VaadinIcon.PRINT.create());
        print.addThemeVariants(ButtonVariant.TERTIARY);
        ClientActions.printOnClick(print, text);
        Div actions = new Div(copy, download, print);
        actions.addClassName("recovery-code-actions");
        add(list, actions);
    }

    static String asText(List<String> codes) {
        return "PracticalCRM recovery codes\n"
                + "Each code signs you in once if you cannot use your authenticator app. Keep them safe.\n\n"
                + String.join("\n", codes) + "\n";
    }

    /** Feedback from the browser, after the clipboard accepted the text (it may refuse on plain HTTP). */
    static void notifyCopied(String what) {
        Notification.show(what + " copied to the clipboard.", 3000, Notification.Position.BOTTOM_START);
    }
}
