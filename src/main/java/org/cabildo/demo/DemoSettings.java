package org.cabildo.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether the demo city is loaded at start (idempotent: loading twice adds nothing)
 * @param secret the password of the demo accounts and the demo device's secret ({@code CABILDO_DEMO_SECRET});
 * as a password it must pass the password rules (8 characters or more, not a common one)
 */
@ConfigurationProperties("cabildo.demo")
record DemoSettings(@DefaultValue("false") boolean enabled, @DefaultValue("cabildo-demo") String secret) {

	@Override
	public String toString() {
		return "DemoSettings[enabled=" + enabled + "]";
	}

}
