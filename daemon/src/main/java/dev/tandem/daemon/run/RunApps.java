package dev.tandem.daemon.run;

import dev.tandem.apps.AppCatalog;
import dev.tandem.apps.AppDefinitionException;
import dev.tandem.apps.AppJson;
import dev.tandem.apps.AppLoader;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.Json;
import dev.tandem.protocol.TandemException;
import java.nio.file.Path;
import java.util.List;

/**
 * The app definitions a run brings ({@code --app FILE}): loaded and checked here, before any device
 * is allocated (every problem of every file at once, exit 2), then sent to the devices with each
 * launch as JSON text, so a runner installs them for that run without a restart.
 */
public final class RunApps {
    private RunApps() {}

    /** The definitions as JSON text; VALIDATION listing every problem when a file is wrong. */
    public static List<String> load(List<String> files) {
        if (files.isEmpty()) return List.of();
        List<Path> paths = files.stream().map(Path::of).toList();
        try {
            AppCatalog.builtin().withFiles(paths); // every problem of every file, duplicates included, at once
            return paths.stream().map(AppLoader::load).map(d -> Json.text(AppJson.toJson(d))).toList();
        } catch (AppDefinitionException e) {
            throw new TandemException(ErrorCode.VALIDATION, "`apps`: " + String.join("; ", e.problems()));
        }
    }

}
