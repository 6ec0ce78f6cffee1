package dev.tandem.junit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;

/**
 * Turns a discovery request's selectors into plan files, each once, named for display by its path
 * below the root it was found under ({@code login/sign-in.yaml}). Selectors of other kinds, and
 * classes without {@link TandemPlans} (every test class Surefire sends), select nothing here.
 */
final class PlanDiscovery {
    private final Map<Path, String> found = new LinkedHashMap<>();
    private final ClassLoader loader;

    private PlanDiscovery(ClassLoader loader) {
        this.loader = loader;
    }

    /** Plan file (absolute, normalised) to its display name, in selection order. */
    static Map<Path, String> plans(EngineDiscoveryRequest request, UniqueId engineId) {
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(PlanDiscovery.class.getClassLoader());
        PlanDiscovery d = new PlanDiscovery(loader);
        for (ClasspathRootSelector s : request.getSelectorsByType(ClasspathRootSelector.class)) {
            if ("file".equals(s.getClasspathRoot().getScheme())) d.addUnder(Path.of(s.getClasspathRoot()));
        }
        for (ClasspathResourceSelector s : request.getSelectorsByType(ClasspathResourceSelector.class)) d.addResource(s.getClasspathResourceName());
        for (PackageSelector s : request.getSelectorsByType(PackageSelector.class)) d.addResource(s.getPackageName().replace('.', '/'));
        for (DirectorySelector s : request.getSelectorsByType(DirectorySelector.class)) d.addUnder(s.getPath());
        for (FileSelector s : request.getSelectorsByType(FileSelector.class)) {
            if (PlanFiles.isYaml(s.getPath())) d.add(s.getPath(), s.getPath().getFileName().toString());
        }
        for (ClassSelector s : request.getSelectorsByType(ClassSelector.class)) d.addClass(s);
        for (UniqueIdSelector s : request.getSelectorsByType(UniqueIdSelector.class)) {
            PlanIds.planFile(s.getUniqueId(), engineId).ifPresent(p -> d.add(p, p.getFileName().toString()));
        }
        return d.found;
    }

    private void addClass(ClassSelector s) {
        Class<?> type;
        try {
            type = s.getJavaClass();
        } catch (RuntimeException notLoadable) {
            return; // another engine's business, and its error to report
        }
        TandemPlans plans = type.getAnnotation(TandemPlans.class);
        if (plans == null) return;
        List<String> resources = new ArrayList<>(List.of(plans.value()));
        if (resources.isEmpty()) resources.add(type.getPackageName().replace('.', '/'));
        resources.forEach(this::addResource);
    }

    private void addResource(String name) {
        String resource = name.replaceAll("^/+|/+$", "");
        for (Path base : PlanFiles.resource(resource, loader)) {
            // named as the selector writes it: plans/login/sign-in.yaml
            for (Path p : PlanFiles.under(base)) add(p, base.equals(p) ? resource : resource + "/" + base.relativize(p));
        }
    }

    private void addUnder(Path dir) {
        Path base = Path.of(dir.toString()).toAbsolutePath().normalize();
        for (Path p : PlanFiles.under(base)) add(p, base.equals(p) ? p.getFileName().toString() : base.relativize(p).toString());
    }

    private void add(Path file, String name) {
        found.putIfAbsent(file.toAbsolutePath().normalize(), name);
    }
}
