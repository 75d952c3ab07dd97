package com.practicalcrm.common.ui;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;

/**
 * Reads a {@link ReadOnlyTable} as the browser gets it (the HTML parsed, cells as their visible text) and clicks its
 * row buttons as the browser reports it (a click event on the table with the button's key).
 */
public final class TableRows {

    private TableRows() {
    }

    /** The text of each body row's cells. */
    public static List<List<String>> of(ReadOnlyTable<?> table) {
        return parse(table).select("tbody tr").stream()
                .map(row -> row.select("td").stream().map(Element::text).toList()).toList();
    }

    public static List<String> headers(ReadOnlyTable<?> table) {
        return parse(table).select("thead th").stream().map(Element::text).toList();
    }

    /** The texts of the badges (Lumo's {@code theme="badge …"}) in the body. */
    public static List<String> badges(ReadOnlyTable<?> table) {
        return parse(table).select("tbody [theme~=badge]").stream().map(Element::text).toList();
    }

    /** The accessible names of the buttons in the body, in row order. */
    public static List<String> buttons(ReadOnlyTable<?> table) {
        return parse(table).select("tbody button").stream().map(button -> button.attr("aria-label")).toList();
    }

    /** Clicks the body button named {@code accessibleName}, as the browser reports it; fails if there is none. */
    public static void click(ReadOnlyTable<?> table, String accessibleName) {
        Element button = parse(table).select("tbody button").stream()
                .filter(b -> b.attr("aria-label").equals(accessibleName)).findFirst()
                .orElseThrow(() -> new AssertionError("No button '" + accessibleName + "' in " + table.html()));
        clickKey(table, button.attr("data-key"));
    }

    /** A click event carrying {@code key} as the button's key, e.g. a forged or outdated one. */
    public static void clickKey(ReadOnlyTable<?> table, String key) {
        var data = JacksonUtils.createObjectNode();
        data.put(ReadOnlyTable.BUTTON_CLICKED, true);
        if (key != null) {
            data.put(ReadOnlyTable.CLICKED_KEY, key);
        }
        table.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(table.getElement(), "click", data));
    }

    private static Document parse(ReadOnlyTable<?> table) {
        return Jsoup.parse("<table>" + table.html() + "</table>");
    }
}
