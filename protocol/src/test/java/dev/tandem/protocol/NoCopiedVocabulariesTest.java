package dev.tandem.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * IME actions, buttons and tray actions are listed once, in their enums: no main source lists
 * their names again or switches on them as strings (use {@code X.fromWire}/{@code X.require}).
 */
class NoCopiedVocabulariesTest {

    private static final List<Pattern> COPIES = List.of(
            Pattern.compile("\"(send|go|done|search|next)\"\\s*,\\s*\"(send|go|done|search|next|enter)\""), // a list of IME actions
            Pattern.compile("\"(back|home)\"\\s*,\\s*\"(back|home|enter)\""),                              // a list of buttons
            Pattern.compile("\"(find|open|tap|dismiss)\"\\s*,\\s*\"(open|tap|dismiss|clearAll)\""),         // a list of tray actions
            Pattern.compile("case\\s+\"(home|enter|clearAll|dismiss|send|search|done)\""),                  // a switch on a wire name
            Pattern.compile("\\.equals\\(\"(enter|next|clearAll|dismiss|home)\"\\)"));                     // a test of a wire name

    @Test
    void eachVocabularyIsListedOnlyInItsEnum() {
        assertThat(MainSources.find(MainSources.all(), COPIES))
                .as("copied vocabulary: use ImeAction, Button or TrayAction from protocol").isEmpty();
    }
}
