package org.cabildo.platform;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformSettings.class)
class PlatformConfiguration {

	/** The one source of time, so that tests can move it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
