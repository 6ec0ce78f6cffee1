package dev.tandem.daemon.prepare.appium;

import dev.tandem.daemon.prepare.CacheLayout;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real {@link AppiumOps}: {@code npm install --prefix DIR appium@V} for the server, then
 * {@code appium driver install --source=npm PKG@V} per driver with {@code APPIUM_HOME=DIR/home},
 * all logged to one file ({@code $TANDEM_HOME/logs/prepare-appium.log}).
 */
public final class NpmAppiumOps implements AppiumOps {
    private static final long PROBE_MS = 20_000;
    private final Path log;

    public NpmAppiumOps(Path log) {
        this.log = log;
    }

    public Path log() {
        return log;
    }

    /** What every child gets on top of this process's environment: no prompts, no postinstall driver downloads. */
    static Map<String, String> env(Path appiumHome) {
        Map<String, String> env = new HashMap<>();
        env.put("APPIUM_SKIP_AUTOINSTALL", "1"); // appium's postinstall would install drivers named in npm_config_drivers
        env.put("npm_config_update_notifier", "false");
        env.put("npm_config_fund", "false");
        env.put("npm_config_audit", "false");
        env.put("NO_COLOR", "1");
        if (appiumHome != null) env.put("APPIUM_HOME", appiumHome.toString());
        return env;
    }

    @Override
    public NodeVersion node(long deadlineNanos) {
        long d = Math.min(deadlineNanos, System.nanoTime() + PROBE_MS * 1_000_000);
        String node = probe(List.of("node", "--version"), "Node.js", d);
        NodeVersion v = NodeVersion.parse(node);
        if (v == null) throw new TandemException(ErrorCode.NODE_MISSING, "`node --version` printed '" + node.strip() + "', not a Node.js version");
        String npm = probe(List.of("npm", "--version"), "npm", d);
        NodeVersion n = NodeVersion.parse(npm);
        if (n == null || n.major() < AppiumPins.NPM_MIN_MAJOR) {
            throw new TandemException(ErrorCode.NODE_MISSING, "npm " + npm.strip() + " is too old: Appium " + AppiumPins.APPIUM_VERSION
                    + " needs npm " + AppiumPins.NPM_MIN_MAJOR + " or later (it comes with Node.js; `npm install -g npm` upgrades it)");
        }
        return v;
    }

    private String probe(List<String> command, String what, long deadlineNanos) {
        ChildProcesses.Outcome o;
        try {
            o = ChildProcesses.run(command, env(null), log, deadlineNanos);
        } catch (IOException e) {
            throw new TandemException(ErrorCode.NODE_MISSING, what + " is not installed (`" + command.getFirst()
                    + "` is not on the PATH); Appium " + AppiumPins.APPIUM_VERSION + " needs Node.js " + AppiumPins.NODE_ENGINES + " with npm");
        }
        if (o.exit() != 0) {
            throw new TandemException(ErrorCode.NODE_MISSING, "`" + String.join(" ", command) + "` failed (exit " + o.exit() + "): "
                    + ChildProcesses.tail(o.output()));
        }
        return o.output().strip().lines().reduce((a, b) -> b).orElse("");
    }

    @Override
    public String xcode(long deadlineNanos) {
        if (!System.getProperty("os.name", "").startsWith("Mac")) return null;
        long d = Math.min(deadlineNanos, System.nanoTime() + PROBE_MS * 1_000_000);
        try {
            ChildProcesses.Outcome xcode = ChildProcesses.run(List.of("xcodebuild", "-version"), env(null), log, d);
            ChildProcesses.Outcome sdk = ChildProcesses.run(List.of("xcrun", "--sdk", "iphonesimulator", "--show-sdk-version"), env(null), log, d);
            if (xcode.exit() != 0) return null;
            return String.join(" ", xcode.output().strip().lines().toList()) + "; iphonesimulator SDK "
                    + (sdk.exit() == 0 ? sdk.output().strip() : "?");
        } catch (IOException e) {
            return null; // no Xcode: XCUITest installs, its sessions will say what is missing
        }
    }

    @Override
    public void install(Path dir, AppiumIdentity identity, long deadlineNanos) {
        ChildProcesses.check("npm install " + identity.appium(), List.of("npm", "install", "--prefix", dir.toString(), identity.appium(),
                "--no-audit", "--no-fund", "--no-progress"), env(null), log, deadlineNanos);
        Path bin = CacheLayout.inside(dir, AppiumInstall.BIN);
        if (bin == null) throw new TandemException(ErrorCode.PREPARE_FAILED, "npm installed no " + AppiumInstall.BIN + " in " + dir);
        Path home = dir.resolve(AppiumInstall.HOME);
        for (String spec : identity.drivers().values()) {
            ChildProcesses.check("appium driver install " + spec, List.of(bin.toString(), "driver", "install", "--source=npm", spec),
                    env(home), log, deadlineNanos);
        }
    }

    @Override
    public String healthProblem(AppiumInstall install, long deadlineNanos) {
        return new AppiumHealth(install, log).problem(deadlineNanos);
    }
}
