package org.cabildo.indicators;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the indicators ({@code cabildo.indicators.*}).
 *
 * @param maxDistrictsBytes the largest GeoJSON file of districts {@code PUT /api/districts} takes;
 *        larger ones are refused with 413
 * @param placementRefresh how often every Thing is placed again, so that what no event announces
 *        (a Location deleted, a write on another node) is placed within this time
 * @param publicKept how long an indicator's answer to anyone who has not signed in is kept for
 *        every such reader ({@link PublicIndicators}); new data shows within this time
 */
@ConfigurationProperties("cabildo.indicators")
public record IndicatorsSettings(@DefaultValue("16777216") long maxDistrictsBytes,
		@DefaultValue("10m") Duration placementRefresh, @DefaultValue("60s") Duration publicKept) {
}
