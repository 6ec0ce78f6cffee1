package dev.tandem.it.ownership;

/** Small plans for the ownership tests. */
final class Plans {
    private Plans() {}

    /** Three quick steps on the counter app. */
    static final String QUICK = """
            name: quick
            steps:
              - tool: launchApp
                appId: com.example.login
              - tool: tapOn
                id: email
              - tool: assertVisible
                text: Email
            """;

    /** Holds its device for {@code ms} milliseconds. */
    static String holding(long ms) {
        return """
                name: holding
                steps:
                  - tool: launchApp
                    appId: com.example.login
                  - tool: wait
                    ms: %d
                  - tool: assertVisible
                    text: Email
                """.formatted(ms);
    }

    /**
     * Holds its device until the test presses Ctrl-C: a wait far longer than any test, so no
     * amount of machine load lets it end on its own before the test is done with it.
     */
    static final String HELD_UNTIL_INTERRUPTED = """
            name: held
            steps:
              - tool: launchApp
                appId: com.example.login
              - tool: wait
                ms: 600000
                timeout: 610000
              - tool: assertVisible
                text: Email
            """;
}
