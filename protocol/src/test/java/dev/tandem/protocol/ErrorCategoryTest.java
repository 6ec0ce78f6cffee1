package dev.tandem.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The category gives each code the exit code and HTTP status it had before categories existed. */
class ErrorCategoryTest {
    private static final Set<ErrorCode> INVALID_INPUT = EnumSet.of(ErrorCode.USAGE, ErrorCode.VALIDATION, ErrorCode.PLAN_NOT_FOUND,
            ErrorCode.UNSUPPORTED_ON_PLATFORM, // new with capabilities: invalid input, refused before the run
            ErrorCode.DEVICE_NOT_LEASED, ErrorCode.STALE_REF); // new with agents: the caller's request names what it does not hold
    private static final Set<ErrorCode> PLAN_FAILED = EnumSet.of(ErrorCode.ELEMENT_NOT_FOUND, ErrorCode.ELEMENT_DISABLED,
            ErrorCode.ASSERTION_FAILED, ErrorCode.NOTIFICATION_NOT_FOUND, ErrorCode.APP_NOT_INSTALLED, ErrorCode.BAD_PARAMS,
            ErrorCode.FILE_NOT_ALLOWED, ErrorCode.STEP_TIMEOUT, ErrorCode.RENDEZVOUS_TIMEOUT, ErrorCode.PEER_FAILED,
            ErrorCode.ABORTED, ErrorCode.CANCELLED,
            ErrorCode.BLOCK_LIMIT); // new with control blocks: a repeat or retry reached its bound

    @Test
    void exitCodesAreDesignSection3() {
        assertThat(ErrorCategory.PASSED_EXIT_CODE).isZero();
        assertThat(ErrorCategory.PLAN_FAILED.exitCode()).isEqualTo(1);
        assertThat(ErrorCategory.INVALID_INPUT.exitCode()).isEqualTo(2);
        assertThat(ErrorCategory.INFRASTRUCTURE.exitCode()).isEqualTo(3);
    }

    @Test
    void everyCodeKeepsItsExitCodeAndHttpStatus() {
        for (ErrorCode c : ErrorCode.values()) {
            int exit = INVALID_INPUT.contains(c) ? 2 : PLAN_FAILED.contains(c) ? 1 : 3;
            assertThat(c.exitCode()).as(c + " exit code").isEqualTo(exit);
            assertThat(c.httpStatus()).as(c + " HTTP status (the daemon's old `== 2 ? 400 : 503`)").isEqualTo(exit == 2 ? 400 : 503);
            assertThat(c.category().exitCode()).isEqualTo(c.exitCode());
        }
    }
}
