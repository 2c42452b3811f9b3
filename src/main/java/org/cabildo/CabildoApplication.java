package org.cabildo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CabildoApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("admin")) {
			System.exit(admin(Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(CabildoApplication.class, args);
	}

	/** {@code admin <command>}: identity administration on the configured database, without web server or MQTT. */
	private static int admin(String[] args) {
		SpringApplication application = new SpringApplication(CabildoApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		List<String> arguments = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			// "--org city" as well as "--org=city"; --password-stdin takes no value
			boolean takesValue = args[i].startsWith("--") && !args[i].contains("=")
					&& !args[i].equals("--password-stdin") && i + 1 < args.length && !args[i + 1].startsWith("--");
			arguments.add(takesValue ? args[i] + "=" + args[++i] : args[i]);
		}
		arguments.addAll(List.of("--logging.level.org.flywaydb=error", "--cabildo.identity.cli=true", "--cabildo.mqtt.enabled=false",
				"--cabildo.demo.enabled=false", "--logging.level.root=warn", "--logging.level.org.cabildo=warn"));
		return SpringApplication.exit(application.run(arguments.toArray(String[]::new)));
	}

}
