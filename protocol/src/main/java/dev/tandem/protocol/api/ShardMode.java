package dev.tandem.protocol.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** How {@code tandem test} spreads plans over its shards. */
public enum ShardMode {
    /** Balance the plans over the shards by their recorded durations. */
    SPLIT("split"),
    /** Run every plan on each shard. */
    ALL("all");

    private final String wireName;

    ShardMode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<ShardMode> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
