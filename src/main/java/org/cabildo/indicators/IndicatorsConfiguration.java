package org.cabildo.indicators;

import org.cabildo.platform.LargeBody;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IndicatorsSettings.class)
class IndicatorsConfiguration {

	/** A city's district boundaries at survey detail are larger than most JSON bodies: their own limit. */
	@Bean
	LargeBody districtUploads(IndicatorsSettings settings) {
		return new LargeBody("PUT", DistrictsController.PATH, settings.maxDistrictsBytes());
	}

}
