package dev.tandem.daemon.prepare.appium;

import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** {@link AppiumOps} without node: installs a tree of the real layout's key files; health and node are settable. */
final class FakeAppiumOps implements AppiumOps {
    String node = "v20.20.2";
    String xcode;
    String installFailure;
    /** Answers of successive health checks; when exhausted, healthy. */
    final List<String> health = new ArrayList<>();
    int installs;
    int healthChecks;

    @Override
    public NodeVersion node(long deadlineNanos) {
        if (node == null) throw new TandemException(ErrorCode.NODE_MISSING, "Node.js is not installed (`node` is not on the PATH)");
        return NodeVersion.parse(node);
    }

    @Override
    public String xcode(long deadlineNanos) {
        return xcode;
    }

    @Override
    public void install(Path dir, AppiumIdentity identity, long deadlineNanos) {
        installs++;
        if (installFailure != null) throw new TandemException(ErrorCode.PREPARE_FAILED, installFailure);
        tree(dir, identity);
    }

    @Override
    public String healthProblem(AppiumInstall install, long deadlineNanos) {
        healthChecks++;
        return health.isEmpty() ? null : health.removeFirst();
    }

    /** The files an install's manifest lists, as npm lays them out (the bin a relative link). */
    static void tree(Path dir, AppiumIdentity identity) {
        try {
            Path appium = Files.createDirectories(dir.resolve("node_modules/appium"));
            Files.writeString(appium.resolve("package.json"), "{\"name\":\"appium\",\"version\":\"3.8.0\"}");
            Files.writeString(appium.resolve("index.js"), "#!/usr/bin/env node\n");
            Files.setPosixFilePermissions(appium.resolve("index.js"), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(dir.resolve("node_modules/.bin"));
            Files.createSymbolicLink(dir.resolve(AppiumInstall.BIN), Path.of("../appium/index.js"));
            for (String spec : identity.drivers().values()) {
                Path d = Files.createDirectories(dir.resolve("home/node_modules").resolve(AppiumManifest.packageOf(spec)));
                Files.writeString(d.resolve("package.json"), "{\"version\":\"" + AppiumManifest.versionOf(spec) + "\"}");
            }
            Files.createDirectories(dir.resolve("home/node_modules/.cache/appium"));
            Files.writeString(dir.resolve("home/node_modules/.cache/appium/extensions.yaml"), "installPath: " + dir + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
