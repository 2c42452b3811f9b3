package org.cabildo.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The platform's clock for tests that need time to pass (a consultation of 30 days): the system
 * clock plus an offset that only grows. Only in a context of its own
 * ({@code cabildo.test.movable-clock=true}), since moving it moves every test sharing the server.
 */
@Component
@Primary
@Profile("test")
@ConditionalOnProperty(name = "cabildo.test.movable-clock", havingValue = "true")
public class MovableClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	/** Moves the time forward. */
	public void advance(Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("time only moves forward");
		}
		offset.accumulateAndGet(by, Duration::plus);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the platform's clock is in UTC");
	}

}
