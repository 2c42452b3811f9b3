package org.cabildo.sensing.web;

import org.cabildo.sensing.CostlyReads;
import org.cabildo.sensing.ReadSettings;
import org.cabildo.sensing.sql.Dialect;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads of the SensorThings API take turns ({@link ReadTurns}), and filters over all
 * Observations count as costly ({@link ObservationScans}), before a refused one takes a turn.
 */
@Configuration(proxyBeanMethods = false)
class ReadTurnsConfiguration implements WebMvcConfigurer {

	private final ReadSettings settings;

	private final ObjectProvider<CostlyReads> costly;

	private final Dialect dialect;

	ReadTurnsConfiguration(ReadSettings settings, ObjectProvider<CostlyReads> costly, Dialect dialect) {
		this.settings = settings;
		this.costly = costly;
		this.dialect = dialect;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ObservationScans(costly.getIfAvailable(() -> CostlyReads.UNLIMITED)))
			.addPathPatterns("/v1.0/Observations", "/v1.1/Observations", "/v1.0/Observations/", "/v1.1/Observations/");
		registry.addInterceptor(new ReadTurns(settings.concurrentOn(dialect.runsInProcess()), settings.queueWait())).addPathPatterns("/v1.0/**", "/v1.1/**");
	}

}
