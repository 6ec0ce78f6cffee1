package dev.tandem.junit;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A node of the engine's tree. Its legacy reporting name is its display name: Surefire writes it
 * into the XML (a plan's path as the classname, a device's label as the test's name).
 */
abstract class TandemDescriptor extends AbstractTestDescriptor implements Node<TandemContext> {
    private final Type type;

    TandemDescriptor(UniqueId id, String name, TestSource source, Type type) {
        super(id, name, source);
        this.type = type;
    }

    @Override
    public final Type getType() {
        return type;
    }

    @Override
    public final String getLegacyReportingName() {
        return getDisplayName();
    }
}
