package dev.tandem.protocol;

/** An error with a stable code and a message that names what went wrong and what to do. */
public class TandemException extends RuntimeException {
    private final ErrorCode code;

    public TandemException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public TandemException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public ErrorInfo info() {
        return new ErrorInfo(code, getMessage());
    }
}
