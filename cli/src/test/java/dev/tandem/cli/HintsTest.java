package dev.tandem.cli;

import dev.tandem.cli.commands.Command;
import dev.tandem.cli.commands.Context;
import dev.tandem.cli.commands.Errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.junit.jupiter.api.Test;

/**
 * A hint that names a command or a flag sends the user to something that exists: every
 * backticked {@code tandem …} command line in an ErrorCode hint or in any message of the sources
 * parses with this CLI, and every {@code --flag} a hint names is an option of some command.
 */
class HintsTest {
    static final Pattern TICKED = Pattern.compile("`([^`\\n]+)`");
    static final Pattern FLAG = Pattern.compile("(?<![\\w-])--([a-z][a-z-]*[a-z])");

    @Test
    void everyErrorCodeHintNamesCommandsAndFlagsThatExist() {
        List<String> wrong = new ArrayList<>();
        for (ErrorCode c : ErrorCode.values()) {
            wrong.addAll(problems(c.name(), c.hint(), true));
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyBacktickedCommandInTheSourcesParses() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertThat(root.resolve("pom.xml")).exists();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && !p.toString().contains("/target/")).toList()) {
                String text = Files.readString(f);
                Matcher m = TICKED.matcher(text);
                while (m.find()) {
                    String t = m.group(1);
                    // a command built from variables ("`tandem " + name + "`") is checked where its parts are literal
                    if (t.contains("\"") || !(t.startsWith("tandem ") || t.startsWith("--"))) continue;
                    checked++;
                    wrong.addAll(problems(root.relativize(f).toString(), "`" + t + "`", false));
                }
            }
        }
        assertThat(checked).as("commands found in the sources").isGreaterThan(5);
        assertThat(wrong).isEmpty();
    }

    /** What is wrong with the commands and flags a text names; empty when they all exist. */
    static List<String> problems(String where, String text, boolean bareFlags) {
        List<String> out = new ArrayList<>();
        Matcher m = TICKED.matcher(text);
        while (m.find()) {
            String t = m.group(1).trim();
            if (t.startsWith("tandem ")) {
                String why = parseError(t);
                if (why != null) out.add(where + ": `" + t + "`: " + why);
            } else if (t.startsWith("--")) {
                String flag = t.substring(2).split("[ =]")[0];
                if (!anyCommandHas(flag)) out.add(where + ": `" + t + "`: no command has --" + flag);
            }
        }
        if (bareFlags) {
            Matcher f = FLAG.matcher(text);
            while (f.find()) {
                if (!anyCommandHas(f.group(1))) out.add(where + ": --" + f.group(1) + ": no command has it");
            }
        }
        return out;
    }

    static boolean anyCommandHas(String flag) {
        if (flag.equals("help") || flag.equals("version")) return true; // every command's, and the top level's
        return Commands.ALL.stream().anyMatch(c -> c.options().hasLongOption(flag));
    }

    /** Null when the command line parses as this CLI would parse it; else why not. */
    static String parseError(String line) {
        List<String> words = new ArrayList<>(Arrays.asList(line.split("\\s+")));
        words.removeIf(w -> w.equals("…") || w.equals("..."));
        String name = words.get(1);
        if (name.equals("--help") || name.equals("-h") || name.equals("--version") || name.equals("-V")) return null;
        List<Command> commands = isPlaceholder(name) ? Commands.ALL : Commands.find(name).map(List::of).orElse(List.of());
        if (commands.isEmpty()) return "no command '" + name + "'";
        for (Command c : commands) {
            Options options = c.options();
            options.addOption(Option.builder("h").longOpt("help").build());
            try {
                DefaultParser.builder().setAllowPartialMatching(false).build()
                        .parse(options, words.subList(2, words.size()).toArray(String[]::new));
            } catch (ParseException e) {
                return "tandem " + c.name() + " rejects it: " + e.getMessage();
            }
        }
        return null;
    }

    static boolean isPlaceholder(String word) {
        return word.equals(word.toUpperCase(java.util.Locale.ROOT)) && word.chars().anyMatch(Character::isLetter);
    }

    @Test
    void theCheckCatchesAFlagThatDoesNotExist() {
        assertThat(problems("x", "Run `tandem run PLAN --nope`.", true)).isNotEmpty();
        assertThat(problems("x", "Install it with --nope FILE.", true)).hasSize(1);
        assertThat(problems("x", "Run `tandem nope`.", true)).hasSize(1);
        // the seed's APP_NOT_INSTALLED hint named --app FILE before the flag existed: it must exist now
        assertThat(problems("x", "install a definition with --app FILE", true)).isEmpty();
        assertThat(problems("x", "Run `tandem daemon stop`, then `tandem run PLAN --device A=sim`.", true)).isEmpty();
    }
}
