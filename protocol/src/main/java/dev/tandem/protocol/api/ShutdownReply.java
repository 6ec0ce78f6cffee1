package dev.tandem.protocol.api;

/** {@code POST /v1/shutdown}: the daemon took the request and is stopping ({@code pid} to wait for). */
public record ShutdownReply(boolean stopping, long pid) {}
