package dev.tandem.daemon.suite;

import dev.tandem.plan.Plan;
import dev.tandem.plan.TagFilter;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Which loaded files of a suite run as plans: not the sub-flows others include, and only those --tags chooses. */
final class SuitePlans {
    private SuitePlans() {}

    /** The absolute paths of every file the plans include with runFlow. */
    static Set<String> flows(Collection<Plan> plans) {
        return plans.stream().flatMap(p -> p.flows().stream()).collect(Collectors.toSet());
    }

    /** The plans {@code tags} chooses, in order; none is a USAGE error naming the tags there are. */
    static Map<String, Plan> chosen(Map<String, Plan> plans, TagFilter tags) {
        if (tags.all()) return plans;
        Map<String, Plan> out = new LinkedHashMap<>();
        plans.forEach((name, plan) -> {
            if (tags.matches(plan.tags())) out.put(name, plan);
        });
        if (out.isEmpty()) {
            Set<String> known = new TreeSet<>();
            plans.values().forEach(p -> known.addAll(p.tags()));
            throw new TandemException(ErrorCode.USAGE, "no plan matches `tags` " + tags + " (" + plans.size()
                    + (plans.size() == 1 ? " plan" : " plans") + "; their tags: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
        }
        return out;
    }
}
