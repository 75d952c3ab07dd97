package com.practicalcrm.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FixedTextTest {

    @Test
    void theTextIsEscapedHtmlOfOneElementWithoutATextNode() {
        FixedText label = new FixedText("Email <b>& \"more\"");

        assertThat(label.getElement().getTag()).isEqualTo("span");
        assertThat(label.getElement().getChildCount()).isZero();
        assertThat(label.html()).isEqualTo("Email &lt;b&gt;&amp; &quot;more&quot;");
    }
}
