package dev.tandem.daemon.prepare.appium;

import java.nio.file.Path;
import java.util.Map;

/** A prepared Appium server with its drivers (PLACEHOLDER until the prepare work lands). */
public record AppiumInstall(Path dir, Path appiumBin, Path appiumHome, String key, String appiumVersion, Map<String, String> drivers) {}
