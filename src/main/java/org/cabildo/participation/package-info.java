/**
 * Participation: residents report problems through Open311 GeoReport v2 (the standard existing
 * 311 apps speak), the responsible office answers them in public, and the city sees per
 * district who is heard. Reports are placed in the city's districts ({@code indicators}),
 * filed by anyone or by a signed-in person ({@code identity}), and moderated with an entry in
 * the access ledger ({@code governance}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Participation", allowedDependencies = { "platform",
		"identity", "indicators", "governance" })
package org.cabildo.participation;
