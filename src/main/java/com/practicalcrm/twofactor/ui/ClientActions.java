package com.practicalcrm.twofactor.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Clipboard and print run in the browser within the click itself: browsers allow them only during a user
 * gesture, which a server round trip could outlast. The text travels in the listener, not in a DOM attribute.
 */
final class ClientActions {

    private ClientActions() {
    }

    static Button copyButton(String label, String text) {
        Button button = new Button(label, VaadinIcon.COPY.create());
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.getElement().executeJs("""
                this.addEventListener('click', () => {
                  if (navigator.clipboard) {
                    navigator.clipboard.writeText($0).then(() => this.dispatchEvent(new CustomEvent('copied')));
                  }
                });""", text);
        String what = label.startsWith("Copy ") ? capitalize(label.substring(5)) : "Text";
        button.getElement().addEventListener("copied", e -> RecoveryCodesPanel.notifyCopied(what));
        return button;
    }

    static void printOnClick(Button button, String text) {
        button.getElement().executeJs("""
                this.addEventListener('click', () => {
                  const w = window.open('', '_blank', 'width=600,height=700');
                  if (!w) return;
                  w.document.title = 'PracticalCRM recovery codes';
                  const pre = w.document.createElement('pre');
                  pre.style.font = '16px/1.6 monospace';
                  pre.textContent = $0;
                  w.document.body.appendChild(pre);
                  w.focus();
                  w.print();
                });""", text);
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
