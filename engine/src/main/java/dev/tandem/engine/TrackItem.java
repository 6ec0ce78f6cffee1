package dev.tandem.engine;

import dev.tandem.plan.Barrier;
import dev.tandem.plan.Block;
import dev.tandem.plan.CriticalSection;
import dev.tandem.plan.ToolStep;
import java.util.List;
import java.util.Map;

/** What a track meets, in plan order: its own steps and the sync points it takes part in. */
sealed interface TrackItem {

    int planIndex();

    /** A step of this track alone. */
    record Own(ToolStep step, int trackIndex) implements TrackItem {
        public int planIndex() {
            return step.planIndex();
        }
    }

    /**
     * A critical section this track takes part in.
     *
     * @param participants the track labels of the section's steps, distinct (single-device plans: the one track)
     * @param trackIndices track index of each of this track's steps in the section, by nested index
     */
    record Section(CriticalSection section, List<String> participants, Map<Integer, Integer> trackIndices)
            implements TrackItem {
        public int planIndex() {
            return section.planIndex();
        }

        boolean mine(ToolStep step) {
            return trackIndices.containsKey(step.nestedIndex());
        }
    }

    /**
     * A control block (repeat, retry, when) of this track alone.
     *
     * @param trackIndices the track index of each tool step inside, by identity (equal steps at two places differ)
     */
    record InBlock(Block block, Map<ToolStep, Integer> trackIndices) implements TrackItem {
        public int planIndex() {
            return block.planIndex();
        }
    }

    /**
     * A barrier this track waits at.
     *
     * @param devices the labels that meet there (all declared labels when the barrier lists none)
     */
    record AtBarrier(Barrier barrier, List<String> devices) implements TrackItem {
        public int planIndex() {
            return barrier.planIndex();
        }
    }
}
