package com.practicalcrm.mail;

import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * An outgoing message as plain text plus simple HTML, both built from the same paragraphs and optional action
 * link, under the product name.
 *
 * @param paragraphs plain sentences (escaped for HTML)
 * @param action     a button-like link, or null
 */
public record MailMessage(String subject, List<String> paragraphs, Link action) {

    public static final String PRODUCT = "PracticalCRM";

    public record Link(String label, String url) {
    }

    public MailMessage {
        paragraphs = List.copyOf(paragraphs);
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        for (String paragraph : paragraphs) {
            text.append(paragraph).append("\n\n");
        }
        if (action != null) {
            text.append(action.label()).append(": ").append(action.url()).append("\n\n");
        }
        text.append("-- \n").append(PRODUCT).append('\n');
        return text.toString();
    }

    public String html() {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5;color:#1a1a1a\">")
                .append("<p style=\"font-size:18px;font-weight:bold\">").append(PRODUCT).append("</p>");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph)).append("</p>");
        }
        if (action != null) {
            String url = HtmlUtils.htmlEscape(action.url());
            html.append("<p><a href=\"").append(url)
                    .append("\" style=\"display:inline-block;padding:10px 16px;background:#1676f3;color:#fff;"
                            + "text-decoration:none;border-radius:6px\">")
                    .append(HtmlUtils.htmlEscape(action.label())).append("</a></p>")
                    .append("<p style=\"font-size:13px;color:#555\">Or copy this address into your browser: ")
                    .append(url).append("</p>");
        }
        return html.append("</body></html>").toString();
    }
}
