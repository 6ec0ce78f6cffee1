package dev.tandem.apps;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The apps a device has installed: the built-in definitions plus any user files. Immutable. */
public final class AppCatalog {
    /** The built-in definitions, as resources under {@code dev/tandem/apps/builtin/}. */
    static final List<String> BUILTIN_FILES = List.of("chat.yaml", "login.yaml", "clock.yaml", "list.yaml", "counter.yaml");

    private static volatile AppCatalog builtin;

    private final Map<String, AppDefinition> apps;

    private AppCatalog(Map<String, AppDefinition> apps) {
        this.apps = apps;
    }

    /** The built-in apps (parsed once per process). */
    public static AppCatalog builtin() {
        AppCatalog c = builtin;
        if (c == null) {
            Map<String, AppDefinition> apps = new LinkedHashMap<>();
            for (String file : BUILTIN_FILES) {
                AppDefinition def = AppLoader.parse(resource("builtin/" + file), "builtin/" + file);
                apps.put(def.appId(), def);
            }
            builtin = c = new AppCatalog(apps);
        }
        return c;
    }

    /**
     * This catalog plus the definitions in {@code files}. A file whose appId is already installed
     * replaces that app; two files with the same appId are an error. All files' problems are
     * reported together.
     */
    public AppCatalog withFiles(List<Path> files) {
        Map<String, AppDefinition> out = new LinkedHashMap<>(apps);
        Map<String, Path> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                AppDefinition def = AppLoader.load(file);
                Path earlier = seen.putIfAbsent(def.appId(), file);
                if (earlier != null) {
                    problems.add(file + ": appId: '" + def.appId() + "' is also defined by " + earlier + "; give each app its own appId");
                } else {
                    out.put(def.appId(), def);
                }
            } catch (AppDefinitionException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new AppDefinitionException(problems);
        return new AppCatalog(out);
    }

    /**
     * This catalog plus definitions given as text ({@code --app FILE} sent with a run): a text
     * whose appId is installed replaces that app. {@code source} names them in error messages.
     */
    public AppCatalog withDefinitions(List<String> texts, String source) {
        if (texts.isEmpty()) return this;
        Map<String, AppDefinition> out = new LinkedHashMap<>(apps);
        List<String> problems = new ArrayList<>();
        for (String text : texts) {
            try {
                AppDefinition def = AppLoader.parse(text, source);
                out.put(def.appId(), def);
            } catch (AppDefinitionException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new AppDefinitionException(problems);
        return new AppCatalog(out);
    }

    public Optional<AppDefinition> find(String appId) {
        return Optional.ofNullable(apps.get(appId));
    }

    /** The app, or APP_NOT_INSTALLED listing what is installed. */
    public AppDefinition get(String appId) {
        AppDefinition def = apps.get(appId);
        if (def == null) {
            throw new TandemException(ErrorCode.APP_NOT_INSTALLED, "No app '" + appId + "' is installed"
                    + Problems.suggest(String.valueOf(appId), apps.keySet()) + ". Installed: " + String.join(", ", apps.keySet()) + ".");
        }
        return def;
    }

    /** Every app, built-ins first, in installation order. */
    public List<AppDefinition> apps() {
        return List.copyOf(apps.values());
    }

    public List<String> appIds() {
        return List.copyOf(apps.keySet());
    }

    private static String resource(String name) {
        try (InputStream in = AppCatalog.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("built-in app definition missing from the classpath: " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
