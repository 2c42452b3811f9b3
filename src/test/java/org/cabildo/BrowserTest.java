package org.cabildo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.cabildo.support.Browser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test of the portal in a real browser: an {@link IntegrationTest} (so it runs on H2 in
 * {@code ./cabildo test} and on PostgreSQL with {@code -Ppostgresql}) whose test methods may take a
 * {@link Browser} parameter: Debian's headless Chromium, started once for the test class against the
 * test server and quit after it. Without chromium and chromedriver the class is skipped, saying so,
 * unless {@code CABILDO_BROWSER_REQUIRED=1} (as in CI), where it fails. Only these tests:
 * {@code ./cabildo test -Dtest.groups=browser}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Tag("browser")
@ExtendWith(Browser.PerTestClass.class)
public @interface BrowserTest {
}
