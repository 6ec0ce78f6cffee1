package dev.tandem.daemon.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardingTest {

    @Test
    void withoutHistoryPlansGoRoundRobinInPathOrder() {
        List<Sharding.Estimate> plans = List.of(est("c", -1), est("a", -1), est("b", -1), est("d", -1));
        assertThat(Sharding.split(plans, 2)).containsExactly(List.of("a", "c"), List.of("b", "d"));
    }

    @Test
    void withHistoryLongestGoFirstOntoTheLeastLoadedShard() {
        List<Sharding.Estimate> plans = List.of(est("a", 100), est("b", 900), est("c", 500), est("d", 400), est("e", 100));
        List<List<String>> shards = Sharding.split(plans, 2);
        assertThat(shards).containsExactly(List.of("b", "a"), List.of("c", "d", "e"));
        assertThat(load(shards.get(0), plans)).isEqualTo(1000);
        assertThat(load(shards.get(1), plans)).isEqualTo(1000);
    }

    @Test
    void plansWithoutHistoryCountAsTheMean() {
        List<List<String>> shards = Sharding.split(List.of(est("a", 1000), est("b", 1000), est("new", -1)), 2);
        assertThat(shards.stream().mapToInt(List::size).sum()).isEqualTo(3);
    }

    @Test
    void allRunsEveryPlanOnEachShard() {
        assertThat(Sharding.all(List.of("b", "a"), 3)).containsExactly(List.of("a", "b"), List.of("a", "b"), List.of("a", "b"));
    }

    @Test
    void ciPartitionIsDeterministicAndCoversEveryPlanOnce() {
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < 23; i++) plans.add("plans/p" + i + ".yaml");
        List<String> shuffled = new ArrayList<>(plans);
        Collections.shuffle(shuffled, new java.util.Random(7));
        List<String> seen = new ArrayList<>();
        for (int node = 0; node < 4; node++) {
            List<String> mine = Sharding.ciPartition(plans, node, 4);
            assertThat(Sharding.ciPartition(shuffled, node, 4)).as("independent of input order").isEqualTo(mine);
            seen.addAll(mine);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(plans);
    }

    private static Sharding.Estimate est(String path, long ms) {
        return new Sharding.Estimate(path, ms);
    }

    private static long load(List<String> shard, List<Sharding.Estimate> plans) {
        return plans.stream().filter(p -> shard.contains(p.path())).mapToLong(Sharding.Estimate::ms).sum();
    }
}
