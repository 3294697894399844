package io.jkcov;

/**
 * Misuse of a {@link Kcov}. {@link #errno()} names the errno that Linux KCOV returns for the
 * same misuse (EINVAL, EBUSY, EEXIST, ...), so code ported from a KCOV user can match on it.
 */
public final class KcovException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errno;

    public KcovException(String errno, String message) {
        super(errno + ": " + message);
        this.errno = errno;
    }

    KcovException(String errno, String message, Throwable cause) {
        super(errno + ": " + message, cause);
        this.errno = errno;
    }

    /** The Linux errno name, such as "EINVAL". */
    public String errno() {
        return errno;
    }
}
