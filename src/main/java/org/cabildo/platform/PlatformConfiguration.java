package org.cabildo.platform;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PlatformSettings.class, CitySettings.class })
@EnableScheduling
class PlatformConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

	/** The one source of time, so that tests can move it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** The city's time zone; an unknown name stops the start with what to write instead. */
	@Bean
	CityTime cityTime(CitySettings settings) {
		CityTime city = CityTime.of(settings.timeZone());
		log.info("City time zone {}: local days and months are counted in it (cabildo.city.time-zone)", city.name());
		return city;
	}

}
