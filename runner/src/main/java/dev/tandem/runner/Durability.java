package dev.tandem.runner;

import java.util.Locale;

/**
 * How far a journal record travels before the side effect it guards.
 * {@code WRITE} reaches the OS page cache, which survives the runner process being killed (the
 * failure the journal exists for); {@code FSYNC} also survives a machine crash, at a higher cost
 * per command (see docs/runner-protocol.md for the measured figures); {@code NONE} keeps records in
 * memory only, so a crash loses the evidence and outcomes become {@code unknown}.
 */
public enum Durability {
    NONE, WRITE, FSYNC;

    public static Durability parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
