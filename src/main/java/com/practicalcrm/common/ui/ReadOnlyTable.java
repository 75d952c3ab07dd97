package com.practicalcrm.common.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.web.util.HtmlUtils;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;

/**
 * A short read-only table sent as one element: the server writes its rows as HTML, every value escaped, and keeps
 * nothing but that text. A Grid keeps a data communicator, a key mapper and a component per column and cell
 * renderer for every user's page, several times what the rows themselves weigh; the profile's lists are short and
 * change only when the server renders them again.
 *
 * @param <T> the row type
 */
@Tag("table")
public final class ReadOnlyTable<T> extends Component {

    private final List<Column<T>> columns = new ArrayList<>(4);

    public ReadOnlyTable(String ariaLabel) {
        getElement().setAttribute("aria-label", ariaLabel);
        getElement().setAttribute("role", "table");
        // The same phone layout (stacked rows) as StackedTable, which serves the tables with components in cells.
        getElement().getClassList().add("read-only-table");
        getElement().getClassList().add("stacked-table");
    }

    /** A column of plain text. */
    public ReadOnlyTable<T> addColumn(String header, Function<T, String> text) {
        columns.add(new Column<>(header, text, null));
        return this;
    }

    /** A column showing a Lumo badge with {@code theme} (e.g. "badge success") where {@code text} is not empty. */
    public ReadOnlyTable<T> addBadgeColumn(String header, Function<T, String> text, String theme) {
        columns.add(new Column<>(header, text, theme));
        return this;
    }

    /** Renders {@code items}, replacing the rows shown before; the items themselves are not kept. */
    public void setItems(List<T> items) {
        StringBuilder html = new StringBuilder(256 + 160 * items.size());
        html.append("<thead role=\"rowgroup\"><tr role=\"row\">");
        for (Column<T> column : columns) {
            html.append("<th role=\"columnheader\" scope=\"col\">").append(escape(column.header())).append("</th>");
        }
        html.append("</tr></thead><tbody role=\"rowgroup\">");
        for (T item : items) {
            html.append("<tr role=\"row\">");
            for (Column<T> column : columns) {
                String value = column.text().apply(item);
                // data-label names the cell where narrow screens stack a row's cells.
                html.append("<td role=\"cell\" data-label=\"").append(escape(column.header())).append("\">");
                if (column.badgeTheme() == null) {
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

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private record Column<T>(String header, Function<T, String> text, String badgeTheme) {
    }
}
