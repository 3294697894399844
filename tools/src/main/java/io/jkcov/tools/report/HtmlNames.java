package io.jkcov.tools.report;

import java.nio.charset.StandardCharsets;

/**
 * Where each page of the HTML report lives: {@code index.html}, then per package
 * {@code com.example/index.html} and {@code com.example/Foo.java.src.html}, and
 * {@code com.example/Foo.class.html} for a class with no source file. The suffixes keep a
 * class or source file called "index" from overwriting its package's page.
 */
final class HtmlNames {
    private HtmlNames() {}

    /** "default" cannot be a Java package's name: it is a keyword. */
    static String packageDir(PackageCoverage p) {
        return p.name.isEmpty() ? "default" : p.name.replace('/', '.');
    }

    static String classPage(ClassCoverage c) {
        return fileName(c.simpleName()) + ".class.html";
    }

    /** Where a class's methods are on its source page. */
    static String classAnchor(ClassCoverage c) {
        return "class-" + c.simpleName();
    }

    static String sourcePage(SourceCoverage s) {
        return fileName(s.name) + ".src.html";
    }

    /** A JVM name may hold any character but the few JVMS 4.2 excludes; a file name may not. */
    private static String fileName(String name) {
        return name.replace('/', '_').replace('\0', '_');
    }

    /** A file name as a relative URL: anything but a few safe characters percent-encoded. */
    static String href(String fileName) {
        StringBuilder out = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "._-$/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
