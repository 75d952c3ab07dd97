package com.practicalcrm.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSException;
import org.htmlunit.cssparser.parser.CSSOMParser;
import org.htmlunit.cssparser.parser.CSSParseException;
import org.htmlunit.cssparser.parser.InputSource;
import org.junit.jupiter.api.Test;

/**
 * No npm build reads our style sheets, and a browser silently drops what it cannot parse (an unclosed rule once
 * swallowed every rule after it). So every style sheet we serve is parsed here, and any syntax error fails.
 */
class StyleSheetSyntaxTest {

    private static final Path SERVED = Path.of("src/main/resources/META-INF/resources");

    @Test
    void everyServedStyleSheetParsesWithoutErrors() throws IOException {
        List<Path> sheets;
        try (Stream<Path> files = Files.walk(SERVED)) {
            sheets = files.filter(f -> f.toString().endsWith(".css")).sorted().toList();
        }
        assertThat(sheets).as("style sheets under " + SERVED).isNotEmpty();
        for (Path sheet : sheets) {
            assertThat(problems(sheet)).as(sheet.toString()).isEmpty();
        }
    }

    @Test
    void anUnclosedRuleIsReported() throws IOException {
        Path broken = Files.createTempFile("broken", ".css");
        try {
            Files.writeString(broken, ".a {\n  display: flex;\n\n.b {\n  color: red;\n}\n");
            assertThat(problems(broken)).isNotEmpty();
        } finally {
            Files.delete(broken);
        }
    }

    private static List<String> problems(Path sheet) throws IOException {
        List<String> problems = new ArrayList<>();
        CSSOMParser parser = new CSSOMParser();
        parser.setErrorHandler(new CSSErrorHandler() {
            @Override
            public void warning(CSSParseException e) throws CSSException {
                problems.add(describe("warning", e));
            }

            @Override
            public void error(CSSParseException e) throws CSSException {
                problems.add(describe("error", e));
            }

            @Override
            public void fatalError(CSSParseException e) throws CSSException {
                problems.add(describe("fatal error", e));
            }
        });
        try (Reader reader = Files.newBufferedReader(sheet, StandardCharsets.UTF_8)) {
            parser.parseStyleSheet(new InputSource(reader), null);
        }
        return problems;
    }

    private static String describe(String kind, CSSParseException e) {
        return kind + " at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage();
    }
}
