package org.cabildo;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CabildoApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("import")) {
			// A client of a running server: no Spring context, no database of its own.
			org.cabildo.importing.ImportCommand.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (args.length > 0 && (args[0].equals("admin") || args[0].equals("ledger"))) {
			System.exit(CommandLine.run(args, System.out, System.err));
		}
		SpringApplication.run(CabildoApplication.class, args);
	}

}
