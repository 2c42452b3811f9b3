package org.cabildo.participation;

import org.cabildo.platform.LargeBody;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ParticipationSettings.class)
class ParticipationConfiguration {

	/** Headroom over the photo for the form's other fields and the multipart framing. */
	private static final long FORM_HEADROOM = 64 * 1024;

	@Bean
	LargeBody reportWithPhotoAsJson(ParticipationSettings settings) {
		return new LargeBody("POST", "/open311/v2/requests.json", settings.reports().maxPhotoBytes() + FORM_HEADROOM);
	}

	@Bean
	LargeBody reportWithPhotoAsXml(ParticipationSettings settings) {
		return new LargeBody("POST", "/open311/v2/requests.xml", settings.reports().maxPhotoBytes() + FORM_HEADROOM);
	}

}
