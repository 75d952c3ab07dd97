package com.practicalcrm.common.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;

/**
 * A small read-only table of records (an HTML {@code <table>} with explicit table roles) that becomes stacked
 * rows on narrow screens: each row a block, each cell a line led by its column's name ({@code data-label},
 * styles.css). For the short lists of the profile (activity, sessions), where a Grid would scroll sideways on a
 * phone and holds much more per row.
 */
@Tag("table")
public final class StackedTable<T> extends Component {

    private record Column<T>(String header, Function<T, Component> cell) {
    }

    private final List<Column<T>> columns = new ArrayList<>();
    private final Element headRow = new Element("tr");
    private final Element body = new Element("tbody");
    private final List<List<Component>> rendered = new ArrayList<>();
    private List<T> items = List.of();

    /** @param name the table's accessible name, e.g. the heading of its section */
    public StackedTable(String name) {
        getElement().setAttribute("aria-label", name);
        getElement().setAttribute("role", "table");
        getElement().getClassList().add("stacked-table");
        headRow.setAttribute("role", "row");
        Element head = new Element("thead");
        head.setAttribute("role", "rowgroup");
        head.appendChild(headRow);
        body.setAttribute("role", "rowgroup");
        getElement().appendChild(head, body);
    }

    /** A column of text. */
    public StackedTable<T> addColumn(String header, Function<T, String> text) {
        return addComponentColumn(header, item -> new Span(text.apply(item)));
    }

    /** A column of components (a badge, a button); an empty header leaves the cell without a label line. */
    public StackedTable<T> addComponentColumn(String header, Function<T, Component> cell) {
        columns.add(new Column<>(header, cell));
        Element th = new Element("th").setText(header);
        th.setAttribute("role", "columnheader");
        th.setAttribute("scope", "col");
        headRow.appendChild(th);
        return this;
    }

    public void setItems(List<T> items) {
        this.items = List.copyOf(items);
        render();
    }

    /** Renders the same items again, e.g. once the browser's time zone is known. */
    public void refresh() {
        render();
    }

    private void render() {
        body.removeAllChildren();
        rendered.clear();
        for (T item : items) {
            Element tr = new Element("tr");
            tr.setAttribute("role", "row");
            List<Component> cells = new ArrayList<>();
            for (Column<T> column : columns) {
                Component content = column.cell().apply(item);
                Element td = new Element("td");
                td.setAttribute("role", "cell");
                td.setAttribute("data-label", column.header());
                td.appendChild(content.getElement());
                tr.appendChild(td);
                cells.add(content);
            }
            body.appendChild(tr);
            rendered.add(cells);
        }
    }

    /** Number of rows. */
    public int size() {
        return rendered.size();
    }

    /** The component shown in a cell (a {@link Span} for text columns). */
    public Component cell(int row, int column) {
        return rendered.get(row).get(column);
    }

    /** The text of a cell. */
    public String cellText(int row, int column) {
        return cell(row, column).getElement().getTextRecursively();
    }
}
