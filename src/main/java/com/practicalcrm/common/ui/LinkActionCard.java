package com.practicalcrm.common.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The card of a page that a mailed link opens: a heading, a message, one action and links onward. The action
 * needs a click on the page, because mail scanners open every link they see but click nothing. {@link #ask} shows
 * the action, {@link #tell} reports the outcome without it. Put the card into a {@code Main} with the
 * {@code auth-page} class, as the sign-in pages do.
 */
public final class LinkActionCard extends Div {

    private final H1 title = new H1();
    private final Paragraph message = new Paragraph();
    private final Button action;

    /**
     * @param details shown between the message and the action (for example a list of what was done)
     */
    public LinkActionCard(Button action, Anchor link, Component... details) {
        this.action = action;
        action.addThemeVariants(ButtonVariant.PRIMARY);
        Div links = new Div(link);
        links.addClassName("auth-links");
        addClassName("auth-card");
        add(title, message);
        add(details);
        add(action, links);
    }

    public H1 title() {
        return title;
    }

    public Paragraph message() {
        return message;
    }

    /** The page asks for the click: heading, message and the action. */
    public void ask(String heading, String text) {
        title.setText(heading);
        message.setText(text);
        action.setVisible(true);
    }

    /** The page reports an outcome (or a link that cannot work): heading and message, no action. */
    public void tell(String heading, String text) {
        title.setText(heading);
        message.setText(text);
        action.setVisible(false);
    }
}
