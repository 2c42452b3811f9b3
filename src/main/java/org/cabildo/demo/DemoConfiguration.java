package org.cabildo.demo;

import org.cabildo.platform.Platform;
import org.cabildo.sensing.Writer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoSettings.class)
class DemoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DemoConfiguration.class);

	/** The demo's job, as the platform runs it and as its writes are recorded. */
	static final String JOB = "demo loader";

	/** Who writes the demo's data: the platform itself, no signed-in caller. */
	static final Writer WRITER = Writer.platform(JOB);

	@Bean
	@ConditionalOnBooleanProperty("cabildo.demo.enabled")
	ApplicationRunner loadDemoCity(DemoCity city, DemoAccounts accounts, DemoRegister register, DemoHealth health,
			DemoMobility mobility, DemoReports reports,
			DemoSettings settings, ApplicationEventPublisher events) {
		// The platform loads the demo itself, as no signed-in caller could: every organisation's data at once.
		return arguments -> Platform.runAs(JOB, () -> {
			// The HTTP port answers already, with an empty register: not ready until the city is loaded.
			// Spring Boot makes the platform ready (readiness UP) once every runner, this one too, has run.
			AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
			long started = System.nanoTime();
			log.info("Loading the demo city (Mexico City air quality, RAMA network) ...");
			// Owners first, then declarations, then data: nothing is collected before it is declared.
			var streams = city.streams();
			accounts.ensure(settings.secret());
			register.declare(streams.values());
			city.publishTemplate();
			long added = city.observations(streams) + register.trafficCounts();
			// counts by district, no personal data: replaced whole at each start, so a corrected file is taken
			log.info("Demo health series {}: {} counts by district and week", DemoHealth.CODE, health.load());
			// city-level series without coordinates (cyclist counters, transit lines): replaced whole at each start
			log.info("Demo mobility series {} and {}: {} daily counts", DemoMobility.BIKES, DemoMobility.RIDERSHIP,
					mobility.load());
			// synthetic, labelled so: filed once, into a city that has no report yet
			log.info("Demo sample reports (Open311): {} filed", reports.load());
			// the sample proposals follow once the districts they name are imported (DemoProposals)
			// ./cabildo demo prints where to look once /actuator/health/readiness says UP.
			log.info("Demo city ready: {} observations added in {} s", added, (System.nanoTime() - started) / 1_000_000_000);
		});
	}

}
