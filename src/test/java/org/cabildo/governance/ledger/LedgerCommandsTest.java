package org.cabildo.governance.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.cabildo.IntegrationTest;
import org.cabildo.governance.AccessLedger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code ./cabildo ledger verify}: its output and exit code, on the test database. */
@IntegrationTest
class LedgerCommandsTest {

	@Autowired
	AccessLedger ledger;

	@Autowired
	LedgerVerifier verifier;

	@Autowired
	JdbcClient jdbc;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private LedgerCommands commands() {
		return new LedgerCommands(verifier, new PrintStream(output, true, StandardCharsets.UTF_8));
	}

	private String printed() {
		return output.toString(StandardCharsets.UTF_8);
	}

	@Test
	@DisplayName("verify exits 0 and says so when the ledger holds")
	void valid() {
		Tampering.append(ledger, 2);
		assertThat(commands().run(List.of("verify"))).isZero();
		assertThat(printed()).contains("ledger valid").contains("checkpoints: ");
	}

	@Test
	@DisplayName("verify exits 1 naming the first broken entry when it does not")
	void broken() {
		long first = Tampering.append(ledger, 3);
		try (Tampering tampering = new Tampering(jdbc, first)) {
			tampering.sql("UPDATE ledger_entries SET actor = 'someone else' WHERE seq = ?", first + 1);
			assertThat(commands().run(List.of("verify"))).isEqualTo(1);
		}
		assertThat(printed()).contains("first broken entry: " + (first + 1) + ": content changed")
			.contains("LEDGER BROKEN");
	}

	@Test
	@DisplayName("an unknown command prints the usage and exits 2")
	void usage() {
		assertThat(commands().run(List.of("rewrite"))).isEqualTo(2);
		assertThat(printed()).contains("Usage: ./cabildo ledger");
	}

}
