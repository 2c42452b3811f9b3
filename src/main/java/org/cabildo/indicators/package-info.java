/**
 * Indicators by district: the city's districts (imported from GeoJSON, each Thing placed in the
 * one its Location is in), and what the data says about each of them, with the inequality
 * between districts in plain sight (e.g. where the city measures its air and where it watches
 * its people). The base package is the API other modules use ({@link
 * org.cabildo.indicators.DistrictRegister}); the rest is package-private.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Indicators", allowedDependencies = { "platform",
		"sensing", "sensing :: geo", "governance", "identity" })
package org.cabildo.indicators;
