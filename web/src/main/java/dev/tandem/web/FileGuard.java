package dev.tandem.web;

import static dev.tandem.web.PageSession.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.device.FileAccess;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps a device's pages out of the files it may not read ({@link FileAccess}): launchApp checks
 * its URL, and every {@code file:} request a page makes (a link, a frame, a redirect) is paused by
 * the Fetch domain and failed unless allowed. The device's own work dir is always denied.
 */
final class FileGuard implements CdpClient.Listener {
    /** Pauses only local-file requests: http traffic is never held up. */
    static final ObjectNode FETCH_PATTERNS = obj("patterns", List.of(
            obj("urlPattern", "file:*", "requestStage", "Request")));

    private final CdpClient cdp;
    private final Path workDir;
    private volatile FileAccess access;

    FileGuard(CdpClient cdp, Path workDir) {
        this.cdp = cdp;
        this.workDir = workDir;
        this.access = FileAccess.NONE.deny(workDir);
        cdp.addListener(this);
    }

    /** The access a launch brings (the plan's); from then on pages are held to it. */
    void use(FileAccess next) {
        access = next.deny(workDir);
    }

    /** Fails with FILE_NOT_ALLOWED when {@code url} (or the file a view-source: URL shows) may not be opened. */
    void check(String url) {
        String target = url.regionMatches(true, 0, "view-source:", 0, 12) ? url.substring(12) : url;
        if (access.permits(target)) return;
        throw new TandemException(ErrorCode.FILE_NOT_ALLOWED, "launchApp may not open " + url + ": local files are allowed "
                + (access.allowed().isEmpty() ? "nowhere in this run" : "only under " + access.allowed())
                + ", never under Tandem's state dir or the device's work dir.");
    }

    @Override
    public void onEvent(String method, String sessionId, JsonNode params) {
        if (!method.equals("Fetch.requestPaused")) return;
        String id = params.path("requestId").asText();
        String url = params.path("request").path("url").asText();
        if (access.permits(url)) cdp.post("Fetch.continueRequest", obj("requestId", id), sessionId);
        else cdp.post("Fetch.failRequest", obj("requestId", id, "errorReason", "AccessDenied"), sessionId);
    }
}
