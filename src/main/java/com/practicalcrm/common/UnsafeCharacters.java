package com.practicalcrm.common;

/**
 * Characters that must never reach stored names or log lines as they are: C0 and C1 control characters
 * (CR, LF, tab, escape, ...), the Unicode line and paragraph separators, and the bidirectional marks, embeddings,
 * overrides and isolates (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069), which can make text read
 * differently from what it is ("Trojan Source").
 */
public final class UnsafeCharacters {

    private UnsafeCharacters() {
    }

    public static boolean isUnsafe(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL
                || codePoint == 0x2028 || codePoint == 0x2029
                || codePoint == 0x061C || codePoint == 0x200E || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    public static boolean containsUnsafe(CharSequence text) {
        return text != null && text.codePoints().anyMatch(UnsafeCharacters::isUnsafe);
    }
}
