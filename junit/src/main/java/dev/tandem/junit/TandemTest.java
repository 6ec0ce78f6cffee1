package dev.tandem.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Jupiter test (class or method) that drives devices from Java: a {@link Devices} parameter gets
 * the devices named here (or by {@code tandem.devices}), leased from the daemon for that one test
 * and released after it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(TandemExtension.class)
public @interface TandemTest {
    /** {@code LABEL=SPEC} per device ({@code "A=sim"}, {@code "B=web:pixel-7"}); empty: {@code tandem.devices}, else one sim as A. */
    String[] devices() default {};

    /** Seconds to wait for busy devices. */
    long waitTimeoutSeconds() default 120;
}
