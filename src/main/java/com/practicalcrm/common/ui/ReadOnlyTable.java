package com.practicalcrm.common.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.web.util.HtmlUtils;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.dom.DomEvent;

import tools.jackson.databind.JsonNode;

/**
 * A short table sent as one element: the server writes its rows as HTML, every value escaped, and keeps nothing
 * but that text (and, with a button column, the rows shown, to know what a click means). A Grid, or a component
 * per cell, keeps a data communicator, a key mapper and state nodes for every user's page, several times what the
 * rows themselves weigh; the profile's lists are short and change only when the server renders them again.
 * <p>
 * Buttons in rows (e.g. Sign out) are real {@code <button>} elements in that HTML, so they take the keyboard
 * focus and answer Enter and Space; one click listener on the table hears them all. Each button carries a key
 * made of the render's number and the row's place, nothing else: a click on a table that was rendered again since,
 * or a key the server never wrote, does nothing. What the action then does is checked by the service as for any
 * other request (the row must belong to the signed-in user).
 *
 * @param <T> the row type
 */
@Tag("table")
public final class ReadOnlyTable<T> extends Component {

    /** The key of the clicked button, as the browser sends it with the click. */
    static final String CLICKED_KEY = "event.target.closest('button[data-key]')?.dataset.key";
    /**
     * Sends only clicks on a row button. The browser evaluates it and sends its value along, which Vaadin checks on
     * the server as a boolean: it must be one (an element would not do).
     */
    static final String BUTTON_CLICKED = "event.target.closest('button[data-key]') !== null";

    private final List<Column<T>> columns = new ArrayList<>(5);
    /** The rows shown, only when a button column needs them. */
    private List<T> shown = List.of();
    private int renders;

    public ReadOnlyTable(String ariaLabel) {
        getElement().setAttribute("aria-label", ariaLabel);
        getElement().setAttribute("role", "table");
        // On phones the rows become stacked blocks, each cell led by its column's name (styles.css).
        getElement().getClassList().add("read-only-table");
        getElement().getClassList().add("stacked-table");
    }

    /** A column of plain text. */
    public ReadOnlyTable<T> addColumn(String header, Function<T, String> text) {
        columns.add(new Column<>(header, text, null, null));
        return this;
    }

    /** A column showing a Lumo badge with {@code theme} (e.g. "badge success") where {@code text} is not empty. */
    public ReadOnlyTable<T> addBadgeColumn(String header, Function<T, String> text, String theme) {
        columns.add(new Column<>(header, text, theme, null));
        return this;
    }

    /**
     * A column with one button a row; its header is empty (the button says what it does).
     *
     * @param label          the button's text, e.g. "Sign out"
     * @param accessibleName the button's name for screen readers, naming the row (e.g. "Sign out Firefox 128")
     * @param onClick        runs with the row whose button was clicked
     */
    public ReadOnlyTable<T> addButtonColumn(String label, Function<T, String> accessibleName, Consumer<T> onClick) {
        if (columns.stream().noneMatch(column -> column.onClick() != null)) {
            getElement().addEventListener("click", this::clicked).addEventData(CLICKED_KEY).setFilter(BUTTON_CLICKED);
        }
        columns.add(new Column<>("", item -> label, null, new Action<>(accessibleName, onClick)));
        return this;
    }

    /** Renders {@code items}, replacing the rows shown before. */
    public void setItems(List<T> items) {
        boolean withButtons = columns.stream().anyMatch(column -> column.onClick() != null);
        shown = withButtons ? List.copyOf(items) : List.of();
        renders++;
        StringBuilder html = new StringBuilder(256 + 160 * items.size());
        html.append("<thead role=\"rowgroup\"><tr role=\"row\">");
        for (Column<T> column : columns) {
            html.append("<th role=\"columnheader\" scope=\"col\">").append(escape(column.header())).append("</th>");
        }
        html.append("</tr></thead><tbody role=\"rowgroup\">");
        for (int row = 0; row < items.size(); row++) {
            T item = items.get(row);
            html.append("<tr role=\"row\">");
            for (int c = 0; c < columns.size(); c++) {
                Column<T> column = columns.get(c);
                String value = column.text().apply(item);
                // data-label names the cell where narrow screens stack a row's cells.
                html.append("<td role=\"cell\"")
                        .append(column.onClick() != null ? " class=\"action-cell\"" : "")
                        .append(" data-label=\"").append(escape(column.header())).append("\">");
                if (column.onClick() != null) {
                    html.append("<button type=\"button\" class=\"table-action\" data-key=\"").append(renders)
                            .append('.').append(row).append('.').append(c).append("\" aria-label=\"")
                            .append(escape(column.onClick().accessibleName().apply(item))).append("\">")
                            .append(escape(value)).append("</button>");
                } else if (column.badgeTheme() == null) {
                    html.append(escape(value));
                } else if (value != null && !value.isEmpty()) {
                    html.append("<span theme=\"").append(escape(column.badgeTheme())).append("\">")
                            .append(escape(value)).append("</span>");
                }
                html.append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody>");
        getElement().setProperty("innerHTML", html.toString());
    }

    /** The HTML of the rows as sent to the browser. */
    public String html() {
        return getElement().getProperty("innerHTML", "");
    }

    /** A button in a row was clicked: runs its action if the key is one this table wrote in its latest render. */
    private void clicked(DomEvent event) {
        JsonNode key = event.getEventData().get(CLICKED_KEY);
        String[] parts = key == null || !key.isString() ? new String[0] : key.asString().split("\\.", -1);
        if (parts.length != 3) {
            return;
        }
        try {
            int render = Integer.parseInt(parts[0]);
            int row = Integer.parseInt(parts[1]);
            int column = Integer.parseInt(parts[2]);
            if (render == renders && row >= 0 && row < shown.size() && column >= 0 && column < columns.size()
                    && columns.get(column).onClick() != null) {
                columns.get(column).onClick().onClick().accept(shown.get(row));
            }
        } catch (NumberFormatException notAKeyOfOurs) {
            // Only a tampered request sends this; there is nothing to do.
        }
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private record Action<T>(Function<T, String> accessibleName, Consumer<T> onClick) {
    }

    private record Column<T>(String header, Function<T, String> text, String badgeTheme, Action<T> onClick) {
    }
}
