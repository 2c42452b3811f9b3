/**
 * The public portal: server-rendered pages for residents, in Spanish, Portuguese and English.
 * A client of the same public services the API uses (the register, the readings an anonymous
 * caller may read, residents' reports through participation's one gate), never a side door to
 * the data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal", allowedDependencies = { "governance",
		"governance :: objections", "sensing", "sensing :: geo", "platform", "identity", "indicators", "indicators :: air",
		"participation" })
package org.cabildo.portal;
