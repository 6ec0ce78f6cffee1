package dev.tandem.protocol;

/** An error as it travels on the wire and lands in results: a code and a sentence. */
public record ErrorInfo(ErrorCode code, String message) {
    public TandemException toException() {
        return new TandemException(code, message);
    }
}
