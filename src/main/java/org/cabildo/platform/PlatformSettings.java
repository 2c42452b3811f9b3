package org.cabildo.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Settings of the platform as a whole ({@code cabildo.*}).
 *
 * @param baseUrl the public URL the platform is reached at, used in every link it writes;
 * empty to take it from each request (behind a proxy, set it or forward the headers)
 * @param dataDir where the embedded database and generated keys live
 * @param maxBodyBytes the largest HTTP request body any API accepts; larger ones are refused
 * with 413 (the SensorThings API may hold its own to less: {@code cabildo.sensing.max-body-bytes})
 */
@ConfigurationProperties("cabildo")
public record PlatformSettings(@DefaultValue("") String baseUrl, @DefaultValue("./data") Path dataDir,
		@DefaultValue("16777216") long maxBodyBytes) {

	public PlatformSettings {
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * What the links written for the current request start with (a mail's, an API answer's):
	 * {@link #baseUrl} when it is set, else the request's own scheme, host and context path. Only
	 * within a request, unless the base URL is set.
	 */
	public String linkBase() {
		return baseUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : baseUrl;
	}

}
