/**
 * Identity and access: organisations, people and their roles per organisation, personal API
 * tokens, devices and the datastreams each may write to, sign-in (built-in accounts, tokens,
 * OIDC JWTs), the authorisation of every HTTP route, rate limits, and an audit of failed
 * sign-ins and privilege changes. The base package is the API other modules use (e.g.
 * {@link org.cabildo.identity.Devices} for MQTT device authentication); {@code security},
 * {@code web} and {@code cli} are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "sensing",
		"platform" })
package org.cabildo.identity;
