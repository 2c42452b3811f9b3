/**
 * The demo city: Mexico City's air-quality monitoring network (SEDEMA/SIMAT RAMA stations and
 * their hourly measurements of January to June 2024, the respiratory-illness series by
 * district of 2020, and the city's cyclist counts and transit ridership), loaded through the public APIs of the
 * other modules when {@code cabildo.demo.enabled} is set, as by {@code ./cabildo demo}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo city", allowedDependencies = { "sensing", "importing",
		"identity", "governance", "platform", "indicators", "participation" })
package org.cabildo.demo;
