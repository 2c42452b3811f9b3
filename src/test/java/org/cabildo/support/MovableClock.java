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
 * A clock that tests move forward, replacing the system clock in the contexts that ask for it
 * ({@code cabildo.test.movable-clock=true}): time-driven behaviour (retention, consultations) is
 * tested without waiting. The system time plus an offset that only grows.
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
		throw new UnsupportedOperationException("the tests' clock is in UTC");
	}

}
