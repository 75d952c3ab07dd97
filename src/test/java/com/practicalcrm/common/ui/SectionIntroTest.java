package com.practicalcrm.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class SectionIntroTest {

    @Test
    void headingAndParagraphsAreOneElementWithEscapedText() {
        SectionIntro intro = new SectionIntro("Sessions & more", "Where you are <b>signed in</b>.", "Second \"one\".");

        Document html = Jsoup.parse("<div>" + intro.html() + "</div>");
        assertThat(intro.getElement().getTag()).isEqualTo("div");
        assertThat(intro.getElement().getChildCount()).as("no child nodes on the server").isZero();
        assertThat(html.select("h2").text()).isEqualTo("Sessions & more");
        assertThat(html.select("p").eachText()).containsExactly("Where you are <b>signed in</b>.", "Second \"one\".");
        assertThat(html.select("b")).as("text, not markup").isEmpty();
    }
}
