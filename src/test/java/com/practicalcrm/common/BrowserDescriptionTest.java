package com.practicalcrm.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BrowserDescriptionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"
                    + "|Chrome 156 on Linux",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.7339.0 "
                    + "Safari/537.36|Chrome 140 on Linux",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 "
                    + "Safari/537.36 Edg/126.0.2592.87|Edge 126 on Windows",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0|Firefox 127 on macOS",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    + "Version/17.5 Mobile/15E148 Safari/604.1|Safari 17 on iOS",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.122 "
                    + "Mobile Safari/537.36|Chrome 126 on Android",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 "
                    + "Safari/537.36 OPR/111.0.0.0|Opera 111 on Windows",
            "curl/8.5.0|Unknown browser",
            "Java-http-client/25|Unknown browser"})
    void describesBrowserAndSystem(String userAgent, String expected) {
        assertThat(BrowserDescription.describe(userAgent)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void missingHeaderIsAnUnknownBrowser() {
        assertThat(BrowserDescription.describe(null)).isEqualTo("Unknown browser");
        assertThat(new ClientInfo("203.0.113.7", null).browser()).isEqualTo("Unknown browser");
    }
}
