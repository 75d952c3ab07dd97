package com.practicalcrm.common;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short, human description of a User-Agent header ("Chrome 126 on Linux") for the security activity, the
 * session list and notification mails. Deliberately coarse: enough for a person to recognise their own device.
 */
public final class BrowserDescription {

    public static final String UNKNOWN = "Unknown browser";

    private record Rule(String name, Pattern version) {
    }

    // Order matters: Edge and Opera also claim to be Chrome, Chrome also claims to be Safari.
    private static final List<Rule> BROWSERS = List.of(
            new Rule("Edge", Pattern.compile("Edg(?:e|A|iOS)?/(\\d+)")),
            new Rule("Opera", Pattern.compile("OPR/(\\d+)")),
            new Rule("Samsung Internet", Pattern.compile("SamsungBrowser/(\\d+)")),
            new Rule("Firefox", Pattern.compile("(?:Firefox|FxiOS)/(\\d+)")),
            new Rule("Chrome", Pattern.compile("(?:HeadlessChrome|Chrome|Chromium|CriOS)/(\\d+)")),
            new Rule("Safari", Pattern.compile("Version/(\\d+)[.\\d]* (?:Mobile/\\S+ )?Safari/")));

    private BrowserDescription() {
    }

    public static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        String browser = browser(userAgent);
        String system = system(userAgent);
        if (browser == null) {
            return system == null ? UNKNOWN : "Unknown browser on " + system;
        }
        return system == null ? browser : browser + " on " + system;
    }

    private static String browser(String userAgent) {
        for (Rule rule : BROWSERS) {
            Matcher matcher = rule.version().matcher(userAgent);
            if (matcher.find()) {
                return rule.name() + " " + matcher.group(1);
            }
        }
        return null;
    }

    private static String system(String userAgent) {
        if (userAgent.contains("Windows")) {
            return "Windows";
        }
        if (userAgent.contains("Android")) {
            return "Android";
        }
        if (userAgent.contains("iPhone") || userAgent.contains("iPod")) {
            return "iOS";
        }
        if (userAgent.contains("iPad")) {
            return "iPadOS";
        }
        if (userAgent.contains("Mac OS X") || userAgent.contains("Macintosh")) {
            return "macOS";
        }
        if (userAgent.contains("CrOS")) {
            return "ChromeOS";
        }
        if (userAgent.contains("Linux") || userAgent.contains("X11")) {
            return "Linux";
        }
        return null;
    }
}
