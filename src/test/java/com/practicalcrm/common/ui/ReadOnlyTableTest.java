package com.practicalcrm.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReadOnlyTableTest {

    private record Row(String browser, String address, boolean current) {
    }

    private static ReadOnlyTable<Row> table() {
        return new ReadOnlyTable<Row>("Sessions")
                .addColumn("Browser", Row::browser)
                .addColumn("Address", Row::address)
                .addBadgeColumn("", r -> r.current() ? "This session" : "", "badge success");
    }

    @Test
    void rendersAHeaderRowAndOneRowPerItem() {
        ReadOnlyTable<Row> table = table();

        table.setItems(List.of(new Row("Chrome 156 on Linux", "203.0.113.9", true),
                new Row("Firefox 128 on Windows", "198.51.100.7", false)));

        assertThat(table.getElement().getTag()).isEqualTo("table");
        assertThat(table.getElement().getAttribute("aria-label")).isEqualTo("Sessions");
        assertThat(TableRows.headers(table)).containsExactly("Browser", "Address", "");
        assertThat(TableRows.of(table)).containsExactly(
                List.of("Chrome 156 on Linux", "203.0.113.9", "This session"),
                List.of("Firefox 128 on Windows", "198.51.100.7", ""));
        assertThat(TableRows.badges(table)).containsExactly("This session");
        assertThat(table.html()).contains("<th role=\"columnheader\" scope=\"col\">Browser</th>",
                "<td role=\"cell\" data-label=\"Address\">");
        assertThat(table.getElement().getAttribute("role")).isEqualTo("table");
        assertThat(table.getElement().getClassList()).contains("stacked-table");
    }

    @Test
    void valuesAreEscapedSoThatNoTextBecomesMarkup() {
        // Browser descriptions come from the User-Agent header: anyone can send anything.
        ReadOnlyTable<Row> table = table();

        table.setItems(List.of(new Row("<img src=x onerror=alert(1)> & \"Evil\"", "'quoted'", false)));

        assertThat(table.html()).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt; &amp; "
                + "&quot;Evil&quot;", "&#39;quoted&#39;");
        assertThat(TableRows.of(table).getFirst().getFirst()).isEqualTo("<img src=x onerror=alert(1)> & \"Evil\"");
    }

    @Test
    void newItemsReplaceTheRowsShownBefore() {
        ReadOnlyTable<Row> table = table();
        table.setItems(List.of(new Row("A", "1", false), new Row("B", "2", false)));

        table.setItems(List.of(new Row("C", "3", true)));

        assertThat(TableRows.of(table)).containsExactly(List.of("C", "3", "This session"));
    }

    @Test
    void rowButtonsAreRealButtonsAndAClickRunsTheActionWithItsRow() {
        List<Row> clicked = new ArrayList<>();
        ReadOnlyTable<Row> table = table().addButtonColumn("Sign out", r -> "Sign out " + r.browser(), clicked::add);
        Row chrome = new Row("Chrome 156 on Linux", "203.0.113.9", true);
        Row evil = new Row("<b>Evil</b>", "198.51.100.7", false);
        table.setItems(List.of(chrome, evil));

        assertThat(table.html()).contains("<td role=\"cell\" class=\"action-cell\" data-label=\"\">"
                + "<button type=\"button\" class=\"table-action\"").doesNotContain("<b>");
        assertThat(TableRows.buttons(table)).containsExactly("Sign out Chrome 156 on Linux", "Sign out <b>Evil</b>");
        assertThat(TableRows.of(table).get(1)).containsExactly("<b>Evil</b>", "198.51.100.7", "", "Sign out");

        TableRows.click(table, "Sign out <b>Evil</b>");

        assertThat(clicked).containsExactly(evil);
    }

    @Test
    void aClickWithAKeyTheLatestRenderDidNotWriteDoesNothing() {
        List<Row> clicked = new ArrayList<>();
        ReadOnlyTable<Row> table = table().addButtonColumn("Remove", r -> "Remove " + r.browser(), clicked::add);
        table.setItems(List.of(new Row("A", "1", false), new Row("B", "2", false)));
        String firstRenderKey = org.jsoup.Jsoup.parse("<table>" + table.html() + "</table>")
                .select("tbody button").getFirst().attr("data-key");
        table.setItems(List.of(new Row("C", "3", false)));

        // From the page as it was before the rows changed: the row it meant is no longer the first one.
        TableRows.clickKey(table, firstRenderKey);
        String render = firstRenderKey.substring(0, firstRenderKey.indexOf('.'));
        String latest = Integer.toString(Integer.parseInt(render) + 1);
        // Forged: a row that is not there, a column without a button, not a key at all, none.
        TableRows.clickKey(table, latest + ".1.3");
        TableRows.clickKey(table, latest + ".-1.3");
        TableRows.clickKey(table, latest + ".0.0");
        TableRows.clickKey(table, latest + ".0.9");
        TableRows.clickKey(table, "x.0.3");
        TableRows.clickKey(table, latest + ".0");
        TableRows.clickKey(table, null);

        assertThat(clicked).isEmpty();
        TableRows.clickKey(table, latest + ".0.3");
        assertThat(clicked).extracting(Row::browser).containsExactly("C");
    }
}
