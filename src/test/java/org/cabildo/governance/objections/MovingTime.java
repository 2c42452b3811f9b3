package org.cabildo.governance.objections;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.cabildo.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * A server of its own whose clock the tests move ({@link org.cabildo.support.MovableClock}), and
 * whose Datastreams are declared by the tests themselves at the stage each needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = { "cabildo.test.movable-clock=true", "cabildo.test.declare-datastreams=false" })
@interface MovingTime {
}
