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
		if (args.length > 0 && args[0].equals("import")) {
			// a client of a running server: no Spring context, no database of its own
			org.cabildo.importing.ImportCommand.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (args.length > 0 && args[0].equals("admin")) {
			System.exit(command("--cabildo.identity.cli=true", Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && args[0].equals("ledger")) {
			System.exit(command("--cabildo.governance.cli=true", Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(CabildoApplication.class, args);
	}

	/**
	 * {@code admin <command>} (identity administration) or {@code ledger <command>} (the access
	 * ledger): on the configured database, without web server or MQTT; {@code switchOn} enables
	 * the module's command runner.
	 */
	private static int command(String switchOn, String[] args) {
		SpringApplication application = new SpringApplication(CabildoApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		List<String> arguments = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			// "--org city" as well as "--org=city"; --password-stdin takes no value
			boolean takesValue = args[i].startsWith("--") && !args[i].contains("=")
					&& !args[i].equals("--password-stdin") && i + 1 < args.length && !args[i + 1].startsWith("--");
			arguments.add(takesValue ? args[i] + "=" + args[++i] : args[i]);
		}
		arguments.addAll(List.of("--logging.level.org.flywaydb=error", switchOn, "--cabildo.mqtt.enabled=false",
				"--cabildo.demo.enabled=false", "--logging.level.root=warn", "--logging.level.org.cabildo=warn"));
		return SpringApplication.exit(application.run(arguments.toArray(String[]::new)));
	}

}
