package com.practicalcrm.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;

/**
 * Password rules of docs/security-rules.md (NIST SP 800-63B): at least 12 characters, up to 256 accepted, no composition
 * rules, and nothing zxcvbn scores below 3 when told the user's name and email.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    public static final int MIN_SCORE = 3;
    // zxcvbn's matching grows quickly with length; beyond this the prefix already decides the score.
    private static final int MAX_MEASURED_LENGTH = 100;

    private final Zxcvbn zxcvbn = new Zxcvbn();

    /**
     * @param userInputs words the password must not lean on: the user's name, email address and its parts
     */
    public PasswordCheck check(String password, List<String> userInputs) {
        String value = password == null ? "" : password;
        int length = value.codePointCount(0, value.length());
        if (length == 0) {
            return new PasswordCheck(0, false, "Enter a password.");
        }
        Strength strength = zxcvbn.measure(value.length() > MAX_MEASURED_LENGTH
                ? value.substring(0, MAX_MEASURED_LENGTH) : value, sanitize(userInputs));
        int score = strength.getScore();
        if (length < MIN_LENGTH) {
            return new PasswordCheck(Math.min(score, 1), false,
                    "Use at least " + MIN_LENGTH + " characters (" + length + " so far).");
        }
        if (length > MAX_LENGTH) {
            return new PasswordCheck(score, false, "Use at most " + MAX_LENGTH + " characters.");
        }
        if (score < MIN_SCORE) {
            return new PasswordCheck(score, false, weaknessMessage(strength));
        }
        return new PasswordCheck(score, true, score == 4 ? "Very strong password." : "Strong password.");
    }

    private static String weaknessMessage(Strength strength) {
        StringBuilder message = new StringBuilder("This password is too easy to guess.");
        String warning = strength.getFeedback().getWarning(Locale.ENGLISH);
        if (warning != null && !warning.isBlank()) {
            message.append(' ').append(withFullStop(warning));
        }
        List<String> suggestions = strength.getFeedback().getSuggestions(Locale.ENGLISH);
        if (suggestions != null && !suggestions.isEmpty()) {
            message.append(' ').append(withFullStop(suggestions.getFirst()));
        } else {
            message.append(" Add another word or two that are less common.");
        }
        return message.toString();
    }

    private static String withFullStop(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }

    private static List<String> sanitize(List<String> userInputs) {
        List<String> words = new ArrayList<>();
        for (String input : userInputs) {
            if (input == null || input.isBlank()) {
                continue;
            }
            String lower = input.toLowerCase(Locale.ROOT);
            words.add(lower);
            words.add(lower.replaceAll("\\s+", ""));
            // "ann.smith@example.com" also yields "ann", "smith", "example"
            for (String part : lower.split("[^\\p{L}\\p{N}]+")) {
                if (part.length() >= 3) {
                    words.add(part);
                }
            }
        }
        return words;
    }

    /**
     * @param score   zxcvbn score 0 (weakest) to 4
     * @param message why it is refused, or a short confirmation when accepted
     */
    public record PasswordCheck(int score, boolean acceptable, String message) {
    }
}
