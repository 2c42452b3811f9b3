package org.cabildo.importing.web;

import org.cabildo.platform.LargeBody;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportSettings.class)
class ImportConfiguration {

	/** An upload of a city's history is larger than any JSON body: its own limit. */
	@Bean
	LargeBody importUploads(ImportSettings settings) {
		return new LargeBody("POST", ImportController.PATH, settings.maxUploadBytes());
	}

}
