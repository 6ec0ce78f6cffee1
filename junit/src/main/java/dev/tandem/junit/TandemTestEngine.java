package dev.tandem.junit;

import dev.tandem.plan.LoadOptions;
import dev.tandem.plan.LoadResult;
import dev.tandem.plan.PlanLoader;
import dev.tandem.protocol.TandemException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.config.PrefixedConfigurationParameters;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService;

/**
 * The JUnit Platform engine {@code tandem} (docs/junit.md): every selected plan file is a container
 * whose tests are its device tracks, run through the daemon like {@code tandem run}. Plans run one
 * after another, or in parallel with {@code tandem.parallel.enabled=true} (the platform's fork-join
 * executor, configured under {@code tandem.parallel.config.}).
 */
public final class TandemTestEngine extends HierarchicalTestEngine<TandemContext> {
    public static final String ID = "tandem";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.tandem");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("tandem-junit");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "Tandem");
        LoadOptions options = LoadOptions.here(EngineConfig.params(request.getConfigurationParameters()));
        for (Map.Entry<Path, String> plan : PlanDiscovery.plans(request, uniqueId).entrySet()) {
            Path file = plan.getKey();
            UniqueId id = PlanIds.plan(uniqueId, file);
            LoadResult load = PlanLoader.load(file, options);
            engine.addChild(load.ok() ? new PlanDescriptor(id, plan.getValue(), file, load.plan())
                    : new InvalidPlanDescriptor(id, plan.getValue(), file, load));
        }
        return engine;
    }

    @Override
    protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
        ConfigurationParameters c = request.getConfigurationParameters();
        if (c.getBoolean(EngineConfig.PARALLEL).orElse(false)) {
            return new ForkJoinPoolHierarchicalTestExecutorService(new PrefixedConfigurationParameters(c, EngineConfig.PARALLEL_CONFIG_PREFIX));
        }
        return new SameThreadHierarchicalTestExecutorService();
    }

    @Override
    protected TandemContext createExecutionContext(ExecutionRequest request) {
        try {
            return new TandemContext(EngineConfig.from(request.getConfigurationParameters(), System.getenv()), null,
                    request.getEngineExecutionListener(), null);
        } catch (TandemException e) {
            return new TandemContext(null, new TandemError(e.info()), request.getEngineExecutionListener(), null);
        }
    }
}
