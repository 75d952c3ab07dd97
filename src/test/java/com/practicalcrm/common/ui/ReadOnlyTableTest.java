package com.practicalcrm.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

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
}
