package org.cabildo.platform;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformSettings.class)
@EnableScheduling
class PlatformConfiguration {

	/** The one source of time, so that tests can move it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
