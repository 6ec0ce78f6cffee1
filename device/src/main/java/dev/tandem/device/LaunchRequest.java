package dev.tandem.device;

import java.util.List;
import java.util.Map;

/**
 * What {@code launchApp} asks for.
 *
 * @param appId an installed app id (sim) or an app id mapped to a URL (web); null when {@code url} is given
 * @param url a page to open (web)
 * @param clearState start from a fresh app state (web: a fresh browser context)
 * @param room the run's scope for shared app services, so parallel runs never see each other's chat
 * @param user this device's user name in shared services (its plan label)
 * @param services base URLs of the loopback services the daemon started, e.g. {@code chat}, {@code apps}
 * @param apps app definitions the run brings ({@code --app FILE}), as definition text (JSON or
 *     YAML, docs/apps.md): installed for the run, beside the built-in apps
 * @param files the local files the device may open (web: {@code file://} URLs); none unless the daemon says
 */
public record LaunchRequest(
        String appId, String url, boolean clearState, String room, String user, Map<String, String> services,
        List<String> apps, FileAccess files) {

    public LaunchRequest {
        services = services == null ? Map.of() : Map.copyOf(services);
        apps = apps == null ? List.of() : List.copyOf(apps);
        files = files == null ? FileAccess.NONE : files;
    }

    public LaunchRequest(String appId, String url, boolean clearState, String room, String user, Map<String, String> services) {
        this(appId, url, clearState, room, user, services, List.of(), FileAccess.NONE);
    }

    public LaunchRequest(String appId, String url, boolean clearState, String room, String user, Map<String, String> services,
            List<String> apps) {
        this(appId, url, clearState, room, user, services, apps, FileAccess.NONE);
    }

    public LaunchRequest(String appId, String url, boolean clearState, String room, String user, Map<String, String> services,
            FileAccess files) {
        this(appId, url, clearState, room, user, services, List.of(), files);
    }
}
