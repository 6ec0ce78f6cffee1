package dev.tandem.plan;

import dev.tandem.protocol.ParamSpec;

import dev.tandem.protocol.api.AbortStrategy;
import dev.tandem.protocol.Platform;
import dev.tandem.protocol.Suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The top level of a plan: its keys, the device declaration, the step list, startStep. */
final class PlanReader {
    static final List<String> TOP_KEYS = List.of("name", "description", "platform", "profile", "devices", "steps",
            "abortStrategy", "startStep", "env", "tags", "retries");
    /** Longest plan name: it is printed in every summary line and report. */
    static final int MAX_NAME = 200;
    static final List<String> DEVICE_KEYS = List.of("label", "platform", "profile");

    private static final ParamSpec NAME = ParamSpec.string("name", "\"chat notification\"");
    private static final ParamSpec DESCRIPTION = ParamSpec.string("description", "\"what this plan checks\"");
    private static final ParamSpec ABORT = ParamSpec.choice("abortStrategy", "immediate", "finish-current-step");
    private static final ParamSpec START = ParamSpec.integer("startStep", Long.MIN_VALUE, "0");
    private static final ParamSpec RETRIES = ParamSpec.integer("retries", 0, "2");
    private static final ParamSpec LABEL = ParamSpec.string("label", "\"A\"");
    /** The platforms a plan may name: the well-known ones (a test-only platform is reached with --device). */
    private static final ParamSpec PLATFORM = ParamSpec.choice("platform", Platform.WELL_KNOWN.stream().map(Platform::name).toList());
    private static final ParamSpec PROFILE = ParamSpec.string("profile", "pixel-7");
    private static final String ANCHOR_NOTE = "a key whose value only defines anchors, like tap: &tap {...} or ids: {email: &email ...}, is allowed too";

    private final Problems problems;
    private final ParamChecker checker;

    private PlanReader(Problems problems) {
        this.problems = problems;
        this.checker = new ParamChecker(problems);
    }

    /** The plan, or null when anything is wrong (then {@code problems} lists all of it). */
    static Plan read(YNode root, String file, String defaultName, Problems problems) {
        return read(root, file, defaultName, problems, dev.tandem.protocol.Secrets.NONE, List.of());
    }

    /** @param secrets the parameter values from outside the plan files, {@code flows} the files included (see {@link FlowIncluder}) */
    static Plan read(YNode root, String file, String defaultName, Problems problems, dev.tandem.protocol.Secrets secrets,
            List<String> flows) {
        return new PlanReader(problems).plan(root, file, defaultName, secrets, flows);
    }

    private Plan plan(YNode root, String file, String defaultName, dev.tandem.protocol.Secrets secrets, List<String> flows) {
        if (root == null) {
            problems.add(Messages.emptyPlan(new SourcePos(file, 1, 1)));
            return null;
        }
        if (!(root instanceof YNode.Map m)) {
            problems.add(Messages.rootNotMapping(root.pos(), root.describe()));
            return null;
        }
        for (YNode.Entry e : m.entries()) {
            if (!TOP_KEYS.contains(e.key()) && !onlyAnchors(e.value())) {
                problems.add(Messages.unknownKey(e.keyPos(), e.key(), "at the top level", Suggest.closest(e.key(), TOP_KEYS),
                        TOP_KEYS, ANCHOR_NOTE));
            }
        }
        String name = defaultName;
        YNode.Entry nameEntry = m.get("name");
        if (nameEntry != null) {
            String n = checker.text(NAME, nameEntry.value());
            if (n != null && n.length() > MAX_NAME) problems.add(Messages.tooLong(nameEntry.value().pos(), "'name'", n.length(), MAX_NAME));
            else if (n != null) name = n;
        }
        YNode.Entry description = m.get("description");
        if (description != null) checker.text(DESCRIPTION, description.value());

        YNode.Entry devicesEntry = m.get("devices");
        List<DeviceDecl> devices = devicesEntry == null ? List.of() : devices(devicesEntry.value());
        List<String> labels = devices.stream().map(DeviceDecl::label).distinct().toList();
        String platform = null;
        YNode.Entry platformEntry = m.get("platform");
        if (platformEntry != null && checker.value(PLATFORM, platformEntry.value()) != null) {
            platform = ((YNode.Scalar) platformEntry.value()).text();
        }
        String profile = null;
        YNode.Entry profileEntry = m.get("profile");
        if (profileEntry != null) profile = checker.text(PROFILE, profileEntry.value());
        for (YNode.Entry e : new YNode.Entry[] {platformEntry, profileEntry}) {
            if (e != null && devicesEntry != null) problems.add(Messages.platformWithDevices(e.keyPos(), e.key()));
        }
        if (profile != null && Platform.SIM.name().equals(platform)) problems.add(Messages.profileOnSim(profileEntry.keyPos()));
        // A broken `devices` key must not make every `device:` look like a single-device mistake.
        boolean devicesKnown = devicesEntry == null || !labels.isEmpty();

        List<Step> steps = new ArrayList<>();
        int stepCount = -1;
        YNode.Entry stepsEntry = m.get("steps");
        if (stepsEntry == null) {
            problems.add(Messages.missingSteps(m.pos()));
        } else if (!(stepsEntry.value() instanceof YNode.Seq seq)) {
            problems.add(Messages.wrongType(stepsEntry.value().pos(), "steps", "a list of steps", stepsEntry.value().describe(),
                    "[{tool: launchApp, appId: com.example.app}]"));
        } else if (seq.items().isEmpty()) {
            problems.add(Messages.emptyList(seq.pos(), "steps", "add at least one step"));
        } else {
            stepCount = seq.items().size();
            StepReader reader = new StepReader(problems, labels, devicesKnown);
            for (int i = 0; i < stepCount; i++) {
                Step s = reader.read(seq.items().get(i), i, -1);
                if (s != null) steps.add(s);
            }
        }

        checkUrlsOnSim(steps, devices, platform);

        AbortStrategy abort = null;
        YNode.Entry abortEntry = m.get("abortStrategy");
        if (abortEntry != null && checker.value(ABORT, abortEntry.value()) != null) {
            abort = AbortStrategy.byName(((YNode.Scalar) abortEntry.value()).text()).orElseThrow();
        }
        Integer startStep = null;
        YNode.Entry startEntry = m.get("startStep");
        if (startEntry != null) {
            Long v = checker.integerValue(START, startEntry.value());
            if (v != null && stepCount >= 0) {
                if (v < 0 || v >= stepCount) problems.add(Messages.startStepRange(startEntry.value().pos(), v, stepCount));
                else startStep = v.intValue();
            }
        }
        YNode.Entry tagsEntry = m.get("tags");
        List<String> tags = tagsEntry == null ? List.of() : Tags.read(tagsEntry.value(), problems);
        Integer retries = null;
        YNode.Entry retriesEntry = m.get("retries");
        if (retriesEntry != null) {
            Long v = checker.integerValue(RETRIES, retriesEntry.value());
            if (v != null && v > Plan.MAX_RETRIES) problems.add(Messages.tooManyRetries(retriesEntry.value().pos(), v));
            else if (v != null) retries = v.intValue();
        }
        if (!problems.isEmpty()) return null;
        return new Plan(name, file, List.copyOf(devices), List.copyOf(steps), abort, startStep, platform, profile, tags, secrets, flows,
                retries);
    }

    /**
     * A key outside {@link #TOP_KEYS} is allowed when all it holds is anchors for later aliases:
     * {@code tap: &tap {...}}, or a list or mapping of them ({@code ids: {email: &email "x"}}).
     */
    static boolean onlyAnchors(YNode value) {
        if (value.anchorDef()) return true;
        return switch (value) {
            case YNode.Map map -> !map.entries().isEmpty() && map.entries().stream().allMatch(e -> onlyAnchors(e.value()));
            case YNode.Seq seq -> !seq.items().isEmpty() && seq.items().stream().allMatch(PlanReader::onlyAnchors);
            case YNode.Scalar s -> false;
        };
    }

    /** A url step on a device declared as sim can never run: say so now, not at run time. */
    private void checkUrlsOnSim(List<Step> steps, List<DeviceDecl> devices, String planPlatform) {
        for (Step s : steps) {
            for (ToolStep t : s.toolStepsOn(Platform.SIM.name())) {
                if (t.tool() != dev.tandem.protocol.Tool.LAUNCH_APP || !t.params().has("url")) continue;
                if (t.device() == null) {
                    if (Platform.SIM.name().equals(planPlatform)) problems.add(Messages.urlOnSim(t.pos(), "the plan"));
                } else {
                    devices.stream().filter(d -> d.label().equals(t.device()) && Platform.SIM.name().equals(d.platform())).findFirst()
                            .ifPresent(d -> problems.add(Messages.urlOnSim(t.pos(), "device " + Messages.clip(d.label()))));
                }
            }
        }
    }

    /** The declared devices that are well-formed; every problem with the others is recorded. */
    private List<DeviceDecl> devices(YNode value) {
        if (!(value instanceof YNode.Seq seq)) {
            problems.add(Messages.wrongType(value.pos(), "devices", "a list of device labels or {label, platform, profile} mappings",
                    value.describe(), "[\"A\", \"B\"]"));
            return List.of();
        }
        if (seq.items().isEmpty()) {
            problems.add(Messages.emptyList(seq.pos(), "devices",
                    "list at least one device label, or remove 'devices' for a single-device plan"));
            return List.of();
        }
        List<DeviceDecl> out = new ArrayList<>();
        Map<String, SourcePos> first = new HashMap<>();
        for (YNode item : seq.items()) {
            DeviceDecl d = device(item);
            if (d == null) continue;
            if (d.label().isBlank()) {
                problems.add(Messages.emptyLabel(d.pos()));
                continue;
            }
            SourcePos earlier = first.putIfAbsent(d.label(), d.pos());
            if (earlier != null) problems.add(Messages.duplicateLabel(d.pos(), d.label(), earlier));
            else out.add(d);
        }
        return out;
    }

    /** One entry of {@code devices}: a label, or a mapping of label, platform and profile. */
    private DeviceDecl device(YNode item) {
        if (!(item instanceof YNode.Map m)) {
            String label = checker.text(LABEL, item);
            return label == null ? null : new DeviceDecl(label, null, null, item.pos());
        }
        String label = null;
        String platform = null;
        String profile = null;
        SourcePos labelPos = m.pos();
        for (YNode.Entry e : m.entries()) {
            switch (e.key()) {
                case "label" -> {
                    label = checker.text(LABEL, e.value());
                    labelPos = e.value().pos();
                }
                case "platform" -> platform = checker.value(PLATFORM, e.value()) == null ? null : ((YNode.Scalar) e.value()).text();
                case "profile" -> profile = checker.text(PROFILE, e.value());
                default -> problems.add(Messages.unknownKey(e.keyPos(), e.key(), "in a device entry",
                        Suggest.closest(e.key(), DEVICE_KEYS), DEVICE_KEYS, null));
            }
        }
        if (m.get("label") == null) problems.add(Messages.missingParam(m.pos(), "a device entry", "label", "\"A\""));
        return label == null ? null : new DeviceDecl(label, platform, profile, labelPos);
    }
}
