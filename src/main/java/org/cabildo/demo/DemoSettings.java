package org.cabildo.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether the demo city is loaded at start (idempotent: loading twice adds nothing)
 */
@ConfigurationProperties("cabildo.demo")
record DemoSettings(@DefaultValue("false") boolean enabled) {
}
