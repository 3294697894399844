package io.jkcov.tools.report;

/** Bad input to {@code jkcov report}: its message is the one line the user sees. */
final class ReportException extends Exception {
    private static final long serialVersionUID = 1L;

    ReportException(String message) {
        super(message);
    }
}
