package org.cabildo;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.cabildo.governance.LedgerHelp;
import org.cabildo.identity.AdminHelp;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/**
 * {@code ./cabildo admin <command>} (identity administration) and {@code ./cabildo ledger
 * <command>} (the access ledger): on the configured database, without web server or MQTT. Help
 * is answered without starting anything; a start that fails because a running server holds the
 * embedded database says so in one line.
 */
final class CommandLine {

	/** H2's "Database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1): another process has the file. */
	private static final int H2_DATABASE_IN_USE = 90020;

	/** The start-up loggers that would print the failure's whole stack trace before it is told in one line. */
	private static final List<String> QUIET = List.of("org.springframework.boot.SpringApplication",
			"org.springframework.boot.diagnostics", "org.springframework.context", "com.zaxxer.hikari",
			"org.springframework.boot.context");

	private CommandLine() {
	}

	/** Runs {@code args} (the first word {@code admin} or {@code ledger}); returns the exit code. */
	static int run(String[] args, PrintStream out, PrintStream err) {
		String tool = args[0];
		List<String> rest = Arrays.asList(args).subList(1, args.length);
		Optional<Integer> helped = help(tool, rest, out, err);
		if (helped.isPresent()) {
			return helped.get();
		}
		SpringApplication application = new SpringApplication(CabildoApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		List<String> arguments = new ArrayList<>();
		for (int i = 0; i < rest.size(); i++) {
			// "--org city" as well as "--org=city"; --password-stdin takes no value
			String word = rest.get(i);
			boolean takesValue = word.startsWith("--") && !word.contains("=") && !word.equals("--password-stdin")
					&& i + 1 < rest.size() && !rest.get(i + 1).startsWith("--");
			arguments.add(takesValue ? word + "=" + rest.get(++i) : word);
		}
		arguments.addAll(List.of("--logging.level.org.flywaydb=error",
				tool.equals("admin") ? "--cabildo.identity.cli=true" : "--cabildo.governance.cli=true",
				"--cabildo.mqtt.enabled=false", "--cabildo.demo.enabled=false", "--logging.level.root=warn",
				"--logging.level.org.cabildo=warn"));
		QUIET.forEach(logger -> arguments.add("--logging.level." + logger + "=off"));
		try {
			return SpringApplication.exit(application.run(arguments.toArray(String[]::new)));
		}
		catch (RuntimeException e) {
			if (databaseInUse(e)) {
				err.println("cabildo " + tool + ": the embedded H2 database is in use by a running Cabildo server"
						+ " (H2 lets one process open it); stop the server and run the command again, or point"
						+ " spring.datasource.url at a database a server shares (PostgreSQL)");
				return 3;
			}
			// Anything else: the whole story, as Spring Boot would have logged it.
			err.println("cabildo " + tool + ": could not start: " + e.getMessage());
			e.printStackTrace(err);
			return 1;
		}
	}

	/** {@code help}, {@code help <command>}, {@code --help}, {@code -h}, or no command at all. */
	private static Optional<Integer> help(String tool, List<String> words, PrintStream out, PrintStream err) {
		String usage = tool.equals("admin") ? AdminHelp.usage() : LedgerHelp.usage();
		if (words.isEmpty()) {
			err.print(usage);
			return Optional.of(2);
		}
		String first = words.getFirst();
		boolean asked = first.equals("help") || first.equals("--help") || first.equals("-h");
		boolean askedAbout = words.size() == 2 && (words.get(1).equals("--help") || words.get(1).equals("-h"));
		if (!asked && !askedAbout) {
			return Optional.empty();
		}
		String about = askedAbout ? first : words.size() > 1 ? words.get(1) : null;
		if (about == null) {
			out.print(usage);
			return Optional.of(0);
		}
		Optional<String> text = tool.equals("admin") ? AdminHelp.of(about) : LedgerHelp.of(about);
		if (text.isEmpty()) {
			err.println("cabildo " + tool + ": there is no command '" + about + "'; ./cabildo " + tool
					+ " help lists them");
			return Optional.of(2);
		}
		out.print(text.get());
		return Optional.of(0);
	}

	private static boolean databaseInUse(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
				return true;
			}
		}
		return false;
	}

}
