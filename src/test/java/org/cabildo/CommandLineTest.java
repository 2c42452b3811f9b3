package org.cabildo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./cabildo admin|ledger}: help for every command, and one clear line when the database is in use. */
class CommandLineTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return CommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String printed() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String errors() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	@DisplayName("./cabildo admin help lists every command with its usage and effect")
	void adminHelp() {
		assertThat(run("admin", "help")).isZero();
		assertThat(printed()).contains("Usage: ./cabildo admin <command>");
		for (String command : List.of("create-user", "create-org", "grant", "revoke-role", "create-token",
				"create-device", "list-users", "help")) {
			assertThat(printed()).contains("\n  " + command);
		}
		assertThat(errors()).isEmpty();
	}

	@Test
	@DisplayName("help for one command, as help <command>, <command> --help, --help")
	void oneCommand() {
		assertThat(run("admin", "help", "create-device")).isZero();
		assertThat(printed()).startsWith("Usage: ./cabildo admin create-device <name> --org <organisation>")
			.contains("prints its secret once");
		out.reset();
		assertThat(run("admin", "grant", "--help")).isZero();
		assertThat(printed()).startsWith("Usage: ./cabildo admin grant <username>");
		out.reset();
		assertThat(run("admin", "--help")).isZero();
		assertThat(printed()).contains("create-token");
		assertThat(run("admin", "help", "frobnicate")).isEqualTo(2);
		assertThat(errors()).isEqualTo("cabildo admin: there is no command 'frobnicate'; ./cabildo admin help lists"
				+ " them" + System.lineSeparator());
	}

	@Test
	@DisplayName("./cabildo ledger help and ledger help verify")
	void ledgerHelp() {
		assertThat(run("ledger", "help")).isZero();
		assertThat(printed()).contains("Usage: ./cabildo ledger <command>").contains("verify [--checkpoint FILE]");
		out.reset();
		assertThat(run("ledger", "verify", "--help")).isZero();
		assertThat(printed()).startsWith("Usage: ./cabildo ledger verify").contains("Exits 0");
		assertThat(run("ledger")).as("no command: the usage, on standard error").isEqualTo(2);
		assertThat(errors()).contains("verify");
	}

	@Test
	@DisplayName("on an embedded database a running server holds: one line saying so and what to do, exit 3")
	void databaseInUse(@TempDir Path dataDir) throws Exception {
		String url = "jdbc:h2:file:" + dataDir.resolve("cabildo") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
		Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), HoldDatabase.class.getName(), url)
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		try {
			BufferedReader ready = new BufferedReader(new InputStreamReader(holder.getInputStream(),
					StandardCharsets.UTF_8));
			assertThat(ready.readLine()).isEqualTo("open");

			int exit = run("admin", "list-users", "--spring.datasource.url=" + url, "--spring.datasource.username=sa",
					"--spring.datasource.password=", "--cabildo.data-dir=" + dataDir);

			assertThat(exit).isEqualTo(3);
			assertThat(errors().lines().toList()).singleElement()
				.satisfies(line -> assertThat(line).startsWith("cabildo admin: the embedded H2 database is in use by a"
						+ " running Cabildo server")
					.contains("stop the server"));
			assertThat(printed()).isEmpty();
		}
		finally {
			holder.getOutputStream().close();
			if (!holder.waitFor(10, TimeUnit.SECONDS)) {
				holder.destroy();
			}
		}
	}

}
