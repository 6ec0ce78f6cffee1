package dev.tandem.web;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tandem.protocol.TandemException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Web tests need a real Chromium: they are skipped when there is none, unless
 * {@code TANDEM_REQUIRE_CHROMIUM=1}, in which case they fail with the install hint.
 */
final class Chromium {
    private Chromium() {}

    static Path require() {
        try {
            return ChromiumBinary.locate(System.getenv());
        } catch (TandemException e) {
            if ("1".equals(System.getenv("TANDEM_REQUIRE_CHROMIUM"))) fail(e.getMessage() + " (TANDEM_REQUIRE_CHROMIUM=1)");
            Assumptions.abort("no Chromium: " + e.getMessage());
            throw e;
        }
    }
}
