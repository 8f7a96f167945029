package cq.jianxi.platform.architecture;

import java.util.ArrayList;
import java.util.List;

/** Pulls the string literals and text blocks out of Java source, skipping comments, because ArchUnit cannot see strings. */
public final class JavaStrings {

    private JavaStrings() {
    }

    /** Every string literal and text block in {@code source}, in order, with escapes left as written. */
    public static List<String> of(String source) {
        List<String> strings = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                i = lineEnd(source, i);
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i = skipQuoted(source, i, '\'');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                int stop = end < 0 ? n : end;
                strings.add(source.substring(i + 3, stop));
                i = end < 0 ? n : end + 3;
            } else if (c == '"') {
                int end = skipQuoted(source, i, '"');
                strings.add(source.substring(i + 1, Math.max(i + 1, end - 1)));
                i = end;
            } else {
                i++;
            }
        }
        return strings;
    }

    private static int lineEnd(String source, int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end + 1;
    }

    /** Index just past the closing quote of the literal opening at {@code from}. */
    private static int skipQuoted(String source, int from, char quote) {
        int i = from + 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote || c == '\n') {
                return i + 1;
            } else {
                i++;
            }
        }
        return i;
    }
}
