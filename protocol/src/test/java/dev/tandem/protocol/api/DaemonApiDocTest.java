package dev.tandem.protocol.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/daemon-api.md and the code name the same routes and the same events, no more, no fewer. */
class DaemonApiDocTest {
    static final Path DOC = Path.of("..", "docs", "daemon-api.md");
    static final Pattern HEADING = Pattern.compile("^### `([^`]+)`$");

    static Set<String> headings(String section) throws Exception {
        List<String> lines = Files.readAllLines(DOC);
        Set<String> out = new TreeSet<>();
        boolean in = false;
        for (String line : lines) {
            if (line.startsWith("## ")) in = line.equals("## " + section);
            Matcher m = HEADING.matcher(line);
            if (in && m.matches()) out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyEventIsDocumentedAndEveryDocumentedEventExists() throws Exception {
        Set<String> inCode = Arrays.stream(RunEvent.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(headings("Events")).isEqualTo(inCode);
        // and every record of the sealed family is registered under a name
        Set<Class<?>> registered = Arrays.stream(RunEvent.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::value).collect(Collectors.toSet());
        assertThat(registered).containsExactlyInAnyOrder(RunEvent.class.getPermittedSubclasses());
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
        Set<String> paths = headings("Endpoints").stream().map(h -> h.substring(h.indexOf(' ') + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(paths).isEqualTo(new TreeSet<>(Routes.ALL));
    }

    @Test
    void theDevicesReplysFieldsAreDocumented() throws Exception {
        String doc = Files.readString(DOC);
        int from = doc.indexOf("### `GET /v1/devices`");
        String section = doc.substring(from, doc.indexOf("\n### ", from + 1));
        List<String> fields = new java.util.ArrayList<>();
        for (Class<?> c : List.of(DevicesReply.class, DevicesReply.Device.class)) {
            Arrays.stream(c.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).forEach(fields::add);
        }
        assertThat(fields).allSatisfy(f -> assertThat(section).as("field " + f).contains("`" + f + "`"));
    }
}
