package dev.tandem.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.platform.commons.annotation.Testable;

/**
 * Marks a class whose selection (Surefire and Gradle send class selectors) runs plans: those under
 * the classpath resources named, or, with none, under the class's own package. The suite way
 * ({@code @Suite @IncludeEngines("tandem") @SelectClasspathResource("plans")}) is preferred
 * (docs/junit.md); this one needs no junit-platform-suite on the classpath. {@code @Testable}: IDEs
 * offer to run the class.
 */
@Testable
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TandemPlans {
    /** Classpath resources (directories or files) holding plans; empty: the class's package. */
    String[] value() default {};
}
