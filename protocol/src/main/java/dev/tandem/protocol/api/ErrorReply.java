package dev.tandem.protocol.api;

import dev.tandem.protocol.ErrorInfo;

/** Any request that failed: HTTP 400 (invalid input), 401 (bad token), 405, 503 (infrastructure). */
public record ErrorReply(ErrorInfo error) {}
