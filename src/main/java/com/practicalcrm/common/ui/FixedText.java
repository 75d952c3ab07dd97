package com.practicalcrm.common.ui;

import org.springframework.web.util.HtmlUtils;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;

/**
 * A text that never changes (a field's label) as one {@code <span>}: the text goes out as escaped HTML, so the server
 * keeps no text node for it beside the element. Every open page holds a state node per element and per text.
 */
@Tag("span")
public final class FixedText extends Component implements HasStyle {

    public FixedText(String text) {
        getElement().setProperty("innerHTML", HtmlUtils.htmlEscape(text, "UTF-8"));
    }

    /** The HTML as sent to the browser. */
    public String html() {
        return getElement().getProperty("innerHTML", "");
    }
}
