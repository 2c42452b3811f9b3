package org.cabildo.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform as a whole ({@code cabildo.*}).
 *
 * @param baseUrl the public URL the platform is reached at, used in every link it writes;
 * empty to take it from each request (behind a proxy, set it or forward the headers)
 * @param dataDir where the embedded database and generated keys live
 */
@ConfigurationProperties("cabildo")
public record PlatformSettings(@DefaultValue("") String baseUrl, @DefaultValue("./data") Path dataDir) {

	public PlatformSettings {
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

}
