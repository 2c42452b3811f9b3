package org.cabildo.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./cabildo import MAPPING}: a client of a running Cabildo server, over its API.
 * Chosen over writing to the database because then every check the server makes of any
 * client's data (declaration gate, duplicates, result checks) applies unchanged, it works while
 * {@code ./cabildo demo} holds the embedded database, and the server stays the only writer.
 * A plain main: no Spring context. Exit 0 when the import ran (refused rows included), 2 when
 * the mapping, an input file or an option is wrong, 1 when the server refused or failed.
 */
public final class ImportCommand {

	static final String USAGE = """
			Usage: ./cabildo import MAPPING.yaml [options]

			Imports a city's stations and readings into a running Cabildo server through its API, as
			the mapping file says (example, documented field by field:
			src/main/resources/demo/mexico-city/mapping.yaml).

			  --server URL        the server (default: $CABILDO_URL, else http://localhost:8080)
			  --token TOKEN       a personal API token (default: $CABILDO_TOKEN)
			  --user NAME         instead of a token: an account; its password from $CABILDO_PASSWORD
			                      or, with --password-stdin, the first line of standard input
			  --state DIR         where the import keeps how far it came (default: ./cabildo-import);
			                      an interrupted import run again continues there
			  --refused FILE      the refused rows with their reasons (default: DIR/NAME.refused.csv)
			  --max-rows N        stop after N more records (to try a mapping; run again to go on)
			  --help              this help

			Progress goes to standard error at most once a second; a summary ends the run. Rows sent
			again are acknowledged by the server as duplicates and not stored twice.
			Exit status: 0 done (refused rows are in the file), 2 the mapping, a file or an option
			is wrong (the message says file:line:column), 1 the server refused or failed.
			""";

	private ImportCommand() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.getenv(), System.out, System.err));
	}

	/** Runs the import; the exit status. */
	public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
		Options options;
		try {
			options = Options.parse(args, environment);
		}
		catch (IllegalArgumentException e) {
			err.println("cabildo import: " + e.getMessage() + " (./cabildo import --help)");
			return 2;
		}
		if (options.help) {
			out.print(USAGE);
			return 0;
		}
		HttpSink sink = new HttpSink(options.server);
		try {
			ImportMapping mapping = MappingReader.read(options.mapping);
			Source source = Source.files(mapping);
			String name = options.mapping.getFileName().toString().replaceFirst("\\.ya?ml$", "");
			Files.createDirectories(options.state);
			Path stateFile = options.state.resolve(name + ".state.json");
			Path refusedFile = options.refused != null ? options.refused : options.state.resolve(name + ".refused.csv");
			String fingerprint = fingerprint(mapping, options.server);
			ImportState state = readState(stateFile, fingerprint, err);
			if (state.complete) {
				err.println("cabildo import: already done (" + stateFile + "); nothing is sent. Delete that file to send"
						+ " everything again: the server acknowledges what it holds as duplicates.");
				summary(state, refusedFile, out);
				return 0;
			}
			long total = Importer.countRecords(source, mapping.readings().file());
			if (options.password != null) {
				sink.signIn(options.user, options.password);
			}
			else {
				sink.withToken(options.token);
			}
			Importer importer = new Importer(mapping, source, sink);
			List<String> header = Importer.readingsHeader(mapping, source);
			try (RefusedRows refused = new RefusedRows(refusedFile, header)) {
				Progress progress = new Progress(total, state.recordsDone, err);
				ImportState done = importer.load(state, options.maxRows, new Importer.Listener() {

					@Override
					public void batchDone(ImportState now) {
						refused.flush();
						writeState(stateFile, now);
						progress.show(now.recordsDone);
					}

					@Override
					public void refused(Row row, String reason) {
						refused.write(row, reason);
					}

				});
				writeState(stateFile, done);
				progress.end(done.recordsDone);
				if (!done.complete) {
					err.println("cabildo import: stopped after " + done.recordsDone + " of " + total
							+ " records (--max-rows); run the same command again to continue");
				}
				summary(done, refusedFile, out);
			}
			return 0;
		}
		catch (InvalidInput e) {
			err.println("cabildo import: " + e.getMessage());
			return 2;
		}
		catch (ImportFailure e) {
			err.println("cabildo import: " + e.getMessage()
					+ " (what was acknowledged is kept; run the same command again to continue)");
			return 1;
		}
		catch (IOException | UncheckedIOException e) {
			err.println("cabildo import: " + e.getMessage());
			return 1;
		}
		finally {
			sink.signOut();
		}
	}

	private static void summary(ImportState state, Path refusedFile, PrintStream out) {
		out.print(state.summary(refusedFile.toString()));
	}

	/** The readings file, its size and time, and the server: another file or server starts afresh. */
	private static String fingerprint(ImportMapping mapping, String server) throws IOException {
		Path readings = mapping.resolve(mapping.readings().file());
		if (!Files.exists(readings)) {
			throw new InvalidInput(readings + ": there is no such file (the mapping's readings.file)");
		}
		return readings.toAbsolutePath() + "|" + Files.size(readings) + "|" + Files.getLastModifiedTime(readings).toMillis()
				+ "|" + server;
	}

	private static ImportState readState(Path file, String fingerprint, PrintStream err) throws IOException {
		if (Files.exists(file)) {
			ImportState state = JsonMapper.shared().readValue(file.toFile(), ImportState.class);
			if (fingerprint.equals(state.fingerprint)) {
				if (!state.complete && state.recordsDone > 0) {
					err.println("cabildo import: continuing after record " + state.recordsDone + " (" + file + ")");
				}
				return state;
			}
			err.println("cabildo import: " + file + " is of another file or server; starting from the first record");
		}
		ImportState state = new ImportState();
		state.fingerprint = fingerprint;
		return state;
	}

	/** Written aside and moved, so that a kill leaves the last complete state. */
	private static void writeState(Path file, ImportState state) {
		try {
			Path next = file.resolveSibling(file.getFileName() + ".next");
			JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValue(next.toFile(), state);
			Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("the import state cannot be written to " + file, e);
		}
	}

	/** Progress on standard error: records, rate, ETA; at most once a second. */
	private static final class Progress {

		private final long total;

		private final long first;

		private final PrintStream err;

		private final long started = System.nanoTime();

		private long shown;

		Progress(long total, long first, PrintStream err) {
			this.total = total;
			this.first = first;
			this.err = err;
		}

		void show(long done) {
			long now = System.nanoTime();
			if (now - shown < 1_000_000_000L) {
				return;
			}
			shown = now;
			double seconds = (now - started) / 1e9;
			double rate = seconds > 0 ? (done - first) / seconds : 0;
			long eta = rate > 0 ? Math.round((total - done) / rate) : -1;
			err.printf("cabildo import: %,d of %,d records (%d %%), %,.0f records/s, ETA %s%n", done, total,
					total == 0 ? 100 : done * 100 / total, rate, eta < 0 ? "?" : eta / 60 + " min " + eta % 60 + " s");
		}

		void end(long done) {
			shown = 0;
			show(done);
		}

	}

	/** The command line. */
	static final class Options {

		Path mapping;

		String server;

		String token;

		String user;

		String password;

		Path state = Path.of("cabildo-import");

		Path refused;

		long maxRows = -1;

		boolean help;

		static Options parse(String[] args, Map<String, String> environment) {
			Options options = new Options();
			boolean passwordStdin = false;
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				String value = null;
				if (arg.startsWith("--") && arg.contains("=")) {
					value = arg.substring(arg.indexOf('=') + 1);
					arg = arg.substring(0, arg.indexOf('='));
				}
				switch (arg) {
					case "--help", "-h", "help" -> options.help = true;
					case "--password-stdin" -> passwordStdin = true;
					case "--server", "--token", "--user", "--state", "--refused", "--max-rows" -> {
						if (value == null) {
							if (i + 1 >= args.length) {
								throw new IllegalArgumentException(arg + " needs a value");
							}
							value = args[++i];
						}
						switch (arg) {
							case "--server" -> options.server = value;
							case "--token" -> options.token = value;
							case "--user" -> options.user = value;
							case "--state" -> options.state = Path.of(value);
							case "--refused" -> options.refused = Path.of(value);
							default -> {
								try {
									options.maxRows = Long.parseLong(value);
								}
								catch (NumberFormatException e) {
									throw new IllegalArgumentException("--max-rows '" + value + "' is not a number");
								}
							}
						}
					}
					default -> {
						if (arg.startsWith("-")) {
							throw new IllegalArgumentException("unknown option '" + arg + "'");
						}
						if (options.mapping != null) {
							throw new IllegalArgumentException("one mapping file only ('" + arg + "' is a second)");
						}
						options.mapping = Path.of(arg);
					}
				}
			}
			if (options.help) {
				return options;
			}
			if (options.mapping == null) {
				throw new IllegalArgumentException("which mapping file? ./cabildo import MAPPING.yaml");
			}
			if (options.server == null) {
				options.server = environment.getOrDefault("CABILDO_URL", "http://localhost:8080");
			}
			if (options.user != null) {
				options.password = passwordStdin ? firstLineOfStdin() : environment.get("CABILDO_PASSWORD");
				if (options.password == null || options.password.isEmpty()) {
					throw new IllegalArgumentException("--user needs a password: set CABILDO_PASSWORD or use --password-stdin");
				}
			}
			else {
				if (options.token == null) {
					options.token = environment.get("CABILDO_TOKEN");
				}
				if (options.token == null || options.token.isEmpty()) {
					throw new IllegalArgumentException("who imports? --token TOKEN (or CABILDO_TOKEN), or --user NAME with"
							+ " CABILDO_PASSWORD");
				}
			}
			return options;
		}

		private static String firstLineOfStdin() {
			try {
				String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
				return line == null ? null : line.strip();
			}
			catch (IOException e) {
				return null;
			}
		}

	}

}
