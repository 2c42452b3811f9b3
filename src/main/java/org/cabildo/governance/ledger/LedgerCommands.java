package org.cabildo.governance.ledger;

import java.io.PrintStream;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * {@code ./cabildo ledger <command>}: the ledger on the configured database, without a web
 * server. {@code verify} exits 0 when the chain and its checkpoints hold, 1 when not.
 */
@Component
@ConditionalOnBooleanProperty("cabildo.governance.cli")
class LedgerCommands implements ApplicationRunner, ExitCodeGenerator {

	static final String USAGE = """
			Usage: ./cabildo ledger <command>

			  verify     recompute the hash chain and check the signed checkpoints; exits 0 when
			             they hold, 1 naming the first broken entry
			""";

	private final LedgerVerifier verifier;

	private final PrintStream out;

	private int exitCode;

	@Autowired
	LedgerCommands(LedgerVerifier verifier) {
		this(verifier, System.out);
	}

	LedgerCommands(LedgerVerifier verifier, PrintStream out) {
		this.verifier = verifier;
		this.out = out;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		exitCode = run(arguments.getNonOptionArgs());
	}

	int run(List<String> words) {
		if (words.equals(List.of("verify"))) {
			return verify();
		}
		out.print(USAGE);
		return 2;
	}

	private int verify() {
		Verification result = verifier.verify();
		Verification.Checkpoints checkpoints = result.checkpoints();
		out.println("entries: " + result.entries() + ", checked at " + result.checkedAt());
		if (result.firstBroken() != null) {
			Verification.Broken broken = result.firstBroken();
			out.println("first broken entry: " + broken.seq() + ": " + broken.problem().label() + " ("
					+ broken.detail() + ")");
		}
		out.println("checkpoints: " + checkpoints.checked() + (checkpoints.valid() ? ", all valid"
				: ", first invalid: " + checkpoints.firstInvalid().seq() + ": " + checkpoints.firstInvalid().problem()));
		out.println(result.valid() ? "ledger valid" : "LEDGER BROKEN");
		return result.valid() ? 0 : 1;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
