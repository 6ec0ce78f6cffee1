package dev.tandem.cli.commands;

import dev.tandem.plan.LoadOptions;
import dev.tandem.protocol.ErrorCode;
import dev.tandem.protocol.TandemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Option;

/** {@code -e NAME=VALUE} (repeatable): the values of a plan's {@code ${NAME}} parameters, ahead of its env: and the environment. */
final class ParamFlags {
    private ParamFlags() {}

    static Option option() {
        return Opts.value("e", "env", "NAME=VALUE", "A value for the plan's ${NAME} parameters (repeatable); wins over the plan's "
                + "env: and the environment. Every value given here is a secret: reports and logs show it as ***.");
    }

    /** Name to value in the order given; the last of a repeated name wins. A malformed one is a USAGE error. */
    static Map<String, String> parse(List<String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            String name = eq < 0 ? v : v.substring(0, eq);
            if (eq < 0 || !LoadOptions.isName(name)) {
                throw new TandemException(ErrorCode.USAGE, "-e needs NAME=VALUE, where NAME is letters, digits and '_' (not starting "
                        + "with a digit), e.g. -e USER_EMAIL=alice@example.com; got '" + (name.length() > 40 ? name.substring(0, 40) + "…" : name)
                        + (eq < 0 ? "' with no '='" : "…'"));
            }
            out.put(name, v.substring(eq + 1));
        }
        return out;
    }
}
