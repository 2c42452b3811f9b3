package org.cabildo.demo;

import org.cabildo.platform.Platform;
import org.cabildo.platform.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoSettings.class)
class DemoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DemoConfiguration.class);

	@Bean
	@ConditionalOnBooleanProperty("cabildo.demo.enabled")
	ApplicationRunner loadDemoCity(DemoCity city, DemoAccounts accounts, DemoRegister register,
			DemoSettings settings, PlatformSettings platform, Environment environment) {
		// The platform loads the demo itself, as no signed-in caller could: every organisation's data at once.
		return arguments -> Platform.runAs("demo loader", () -> {
			long started = System.nanoTime();
			log.info("Loading the demo city (Mexico City air quality, RAMA network) ...");
			// Owners first, then declarations, then data: nothing is collected before it is declared.
			var streams = city.streams();
			accounts.ensure(settings.secret());
			register.declare(streams.values());
			long added = city.observations(streams) + register.trafficCounts();
			log.info("Demo city ready: {} observations added in {} s", added, (System.nanoTime() - started) / 1_000_000_000);
			String base = platform.baseUrl().isEmpty()
					? "http://localhost:" + environment.getProperty("local.server.port", "8080") : platform.baseUrl();
			System.out.println("""

					  Cabildo is running with the demo city (Mexico City air quality, SEDEMA RAMA, Jan-Jun 2024).

					    SensorThings API     %1$s/v1.1
					    Stations             %1$s/v1.1/Things?$expand=Locations
					    Latest ozone values  %1$s/v1.1/Datastreams?$filter=properties/pollutant%%20eq%%20'O3'&$expand=Observations($orderby=phenomenonTime%%20desc;$top=1)
					    API documentation    %1$s/swagger-ui.html
					    MQTT (SensorThings)  mqtt://localhost:%2$s, e.g. subscribe to v1.1/Datastreams(1)/Observations

					  Accounts (password: the demo secret, 'cabildo-demo' unless CABILDO_DEMO_SECRET is set): admin,
					  steward, operator, analyst, auditor (environment office, which owns the stations; admin
					  also of the transport office); device 'demo-device' (bearer token: the demo secret),
					  bound to every station's Datastreams. Who am I: curl -u operator:cabildo-demo %1$s/api/identity/people/me

					  Data: Fuente SEDEMA, Dirección de Monitoreo Atmosférico, Ciudad de México. Stop with Ctrl+C.
					""".formatted(base, environment.getProperty("cabildo.mqtt.port", "1883")));
		});
	}

}
