package com.practicalcrm.common.ui;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads a {@link ReadOnlyTable} as the browser gets it: the HTML parsed, cells as their visible text. */
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

    private static Document parse(ReadOnlyTable<?> table) {
        return Jsoup.parse("<table>" + table.html() + "</table>");
    }
}
