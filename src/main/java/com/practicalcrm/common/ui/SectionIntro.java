package com.practicalcrm.common.ui;

import org.springframework.web.util.HtmlUtils;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;

/**
 * A section's heading ({@code <h2>}) and the sentences under it, sent as one element with its HTML written on the
 * server (every text escaped). Each open page keeps a state node per element and per text on the server; as an
 * H2 and a Paragraph, the same words take four.
 */
@Tag("div")
public final class SectionIntro extends Component {

    public SectionIntro(String heading, String... paragraphs) {
        StringBuilder html = new StringBuilder("<h2>").append(escape(heading)).append("</h2>");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        getElement().getClassList().add("section-intro");
        // The same few texts on every user's page: one copy for all of them.
        getElement().setProperty("innerHTML", html.toString().intern());
    }

    /** The HTML as sent to the browser. */
    public String html() {
        return getElement().getProperty("innerHTML", "");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
