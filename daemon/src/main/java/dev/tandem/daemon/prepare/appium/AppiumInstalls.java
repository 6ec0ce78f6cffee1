package dev.tandem.daemon.prepare.appium;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** PLACEHOLDER until the prepare work lands: any install under {@code <cache>/appium/*}. */
public final class AppiumInstalls {
    private AppiumInstalls() {}

    public static Optional<AppiumInstall> find(Path cacheRoot, Set<String> automationNames) {
        Path dir = cacheRoot.resolve("appium");
        if (!Files.isDirectory(dir)) return Optional.empty();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(d -> Files.isExecutable(d.resolve("node_modules/.bin/appium")))
                    .map(d -> new AppiumInstall(d, d.resolve("node_modules/.bin/appium"), d.resolve("home"), d.getFileName().toString(),
                            "3.8.0", Map.of()))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static TandemException notPrepared(Path cacheRoot, Set<String> automationNames) {
        return new TandemException(ErrorCode.APPIUM_NOT_PREPARED, "no prepared Appium server with the drivers " + automationNames
                + " in " + cacheRoot + "; run `tandem prepare --platform appium`");
    }
}
