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
}
