package dev.tandem.junit;

import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * What a node of the tree executes with: the engine's configuration (or why it is wrong: every plan
 * then fails saying so), the listener reported entries go to, and below a plan its finished run.
 */
record TandemContext(EngineConfig config, RuntimeException configError, EngineExecutionListener listener, PlanRun run)
        implements EngineExecutionContext {

    EngineConfig configOrThrow() {
        if (configError != null) throw configError;
        return config;
    }

    TandemContext withRun(PlanRun r) {
        return new TandemContext(config, configError, listener, r);
    }

    void publish(TestDescriptor node, String key, String value) {
        listener.reportingEntryPublished(node, ReportEntry.from(key, value));
    }
}
