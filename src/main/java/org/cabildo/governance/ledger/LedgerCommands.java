package org.cabildo.governance.ledger;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cabildo.governance.LedgerHelp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./cabildo ledger <command>}: the ledger on the configured database, without a web
 * server. {@code verify} exits 0 when the chain and its checkpoints hold, 1 when not, 2 when
 * asked wrongly (a checkpoint file that cannot be read).
 */
@Component
@ConditionalOnBooleanProperty("cabildo.governance.cli")
class LedgerCommands implements ApplicationRunner, ExitCodeGenerator {

	static final String USAGE = LedgerHelp.usage();

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
		List<String> files = arguments.containsOption("checkpoint") ? arguments.getOptionValues("checkpoint")
				: List.of();
		if (files.size() > 1 || files.contains("")) {
			out.println("--checkpoint takes one file");
			exitCode = 2;
			return;
		}
		exitCode = run(arguments.getNonOptionArgs(), files.stream().findFirst().map(Path::of));
	}

	int run(List<String> words) {
		return run(words, Optional.empty());
	}

	int run(List<String> words, Optional<Path> checkpointFile) {
		if (!words.equals(List.of("verify"))) {
			out.print(USAGE);
			return 2;
		}
		Optional<Checkpoint> supplied;
		try {
			supplied = checkpointFile.map(LedgerCommands::checkpoint);
		}
		catch (IllegalArgumentException e) {
			out.println(e.getMessage());
			return 2;
		}
		return verify(supplied);
	}

	private static Checkpoint checkpoint(Path file) {
		try {
			return Checkpoint.from(JsonMapper.shared().readTree(Files.readString(file, StandardCharsets.UTF_8)));
		}
		catch (IOException | JacksonException | IllegalArgumentException e) {
			throw new IllegalArgumentException("the checkpoint file " + file + " cannot be read: " + e.getMessage(), e);
		}
	}

	private int verify(Optional<Checkpoint> supplied) {
		Verification result = verifier.verify(supplied);
		Verification.Checkpoints checkpoints = result.checkpoints();
		out.println("entries: " + result.entries() + ", checked at " + result.checkedAt());
		if (result.firstBroken() != null) {
			Verification.Broken broken = result.firstBroken();
			out.println("first broken entry: " + broken.seq() + ": " + broken.problem().label() + " ("
					+ broken.detail() + ")");
		}
		out.println("checkpoints: " + checkpoints.checked() + (checkpoints.firstInvalid() == null ? ", all valid"
				: ", first invalid: " + checkpoints.firstInvalid().seq() + ": " + checkpoints.firstInvalid().problem()));
		for (Verification.OutsideCheckpoint outside : checkpoints.outside()) {
			out.println(outside.source().label() + ": " + (outside.seq() == null ? "" : "entry " + outside.seq() + ", ")
					+ (outside.holds() ? "holds" : outside.problem()));
		}
		if (result.firstAltered() != null) {
			out.println("first altered: " + result.firstAltered().detail());
		}
		out.println(result.valid() ? "ledger valid" : "LEDGER BROKEN");
		return result.valid() ? 0 : 1;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
