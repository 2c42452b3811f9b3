package org.cabildo.sensing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sensing module ({@code cabildo.sensing.*}).
 *
 * @param defaultPageSize entities per page when the client gives no {@code $top}
 * @param maxPageSize the most entities per page; a larger {@code $top} is capped and paged
 * @param maxBodyBytes the largest request body accepted; larger ones are refused with 413
 * @param maxEntitiesPerRequest the most entities one answer reads over all its {@code $expand}
 * levels; a page whose expansions would read more ends early, with a next link
 */
@ConfigurationProperties("cabildo.sensing")
public record SensingSettings(@DefaultValue("100") int defaultPageSize, @DefaultValue("10000") int maxPageSize,
		@DefaultValue("16777216") long maxBodyBytes, @DefaultValue("10000") int maxEntitiesPerRequest) {

	public SensingSettings {
		if (defaultPageSize < 1 || maxPageSize < defaultPageSize) {
			throw new IllegalArgumentException(
					"cabildo.sensing.default-page-size must be at least 1 and at most max-page-size");
		}
		if (maxEntitiesPerRequest < maxPageSize) {
			throw new IllegalArgumentException(
					"cabildo.sensing.max-entities-per-request must be at least max-page-size");
		}
	}

}
