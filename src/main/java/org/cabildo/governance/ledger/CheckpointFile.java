package org.cabildo.governance.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.cabildo.governance.GovernanceSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latest checkpoint this node signed, kept outside the database (by default beside the
 * signing key): someone who can rewrite the database, checkpoints included, cannot make the
 * chain match it again. Each node keeps its own, written only forward (a checkpoint of a later
 * entry replaces it).
 */
@Component
class CheckpointFile {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final Path path;

	@Autowired
	CheckpointFile(GovernanceSettings settings) {
		this(Path.of(settings.ledger().checkpointFile()));
	}

	CheckpointFile(Path path) {
		this.path = path.toAbsolutePath();
	}

	Path path() {
		return path;
	}

	/**
	 * The checkpoint kept, empty when there is none yet.
	 *
	 * @throws IllegalStateException when the file cannot be read or holds no checkpoint
	 */
	synchronized Optional<Checkpoint> read() {
		if (!Files.exists(path)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Checkpoint.from(JSON.readTree(Files.readString(path, StandardCharsets.UTF_8))));
		}
		catch (IOException | JacksonException | IllegalArgumentException e) {
			throw new IllegalStateException("the checkpoint file " + path + " cannot be read: " + e.getMessage(), e);
		}
	}

	/** Keeps the checkpoint unless the file holds one of the same or a later entry already. */
	synchronized void keep(PublishedCheckpoint published) {
		Optional<Checkpoint> kept = read();
		if (kept.isPresent() && kept.get().seq() >= published.checkpoint().seq()) {
			return;
		}
		try {
			Files.createDirectories(path.getParent());
			// written whole, then moved in place, so that a crash never leaves half a checkpoint
			Path temporary = Files.createTempFile(path.getParent(), "ledger-checkpoint", ".tmp");
			Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(published) + "\n",
					StandardCharsets.UTF_8);
			Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the checkpoint file " + path, e);
		}
	}

}
