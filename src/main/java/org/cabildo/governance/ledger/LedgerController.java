package org.cabildo.governance.ledger;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * The access ledger over HTTP: its verification, signed checkpoints and summary for anyone;
 * its entries for auditors and admins (see the access rules).
 */
@RestController
@Tag(name = "Governance: access ledger")
class LedgerController {

	/** @param nextAfterSeq the afterSeq of the next page, null when this one is the last */
	record Entries(List<LedgerEntry> entries, Long nextAfterSeq) {
	}

	record Checkpoints(String algorithm, String publicKey, String publicKeyPem, String signedMessageFormat,
			long total, List<Checkpoint> checkpoints) {
	}

	private final LedgerVerifier verifier;

	private final LedgerCheckpoints checkpoints;

	private final SigningKey key;

	private final LedgerSearch search;

	private final LedgerSummary summary;

	private final Verifications verifications;

	private final LatestCheckpoint latest;

	/** One verification against a supplied checkpoint at a time: each reads the whole chain. */
	private final ReentrantLock supplied = new ReentrantLock();

	LedgerController(LedgerVerifier verifier, LedgerCheckpoints checkpoints, SigningKey key, LedgerSearch search,
			LedgerSummary summary, Verifications verifications, LatestCheckpoint latest) {
		this.verifier = verifier;
		this.checkpoints = checkpoints;
		this.key = key;
		this.search = search;
		this.summary = summary;
		this.verifications = verifications;
		this.latest = latest;
	}

	@GetMapping("/api/ledger/verify")
	@Operation(summary = "Recomputes the hash chain and checks the signed checkpoints; names the first broken entry")
	Verification verify() {
		return verifications.now();
	}

	@PostMapping("/api/ledger/verify")
	@Operation(summary = "Verifies as GET does, and also holds the ledger to the checkpoint given (a saved copy of"
			+ " /api/ledger/checkpoints/latest, or one item of /api/ledger/checkpoints)")
	Verification verifyAgainst(@RequestBody(required = false) JsonNode body) {
		Checkpoint checkpoint;
		try {
			checkpoint = Checkpoint.from(body);
		}
		catch (Checkpoint.Malformed e) {
			throw ApiException.badRequest("The body is not a checkpoint: " + e.getMessage()).with("pointer", e.pointer());
		}
		if (!supplied.tryLock()) {
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
					"Another verification against a supplied checkpoint is running; try again in a moment");
		}
		try {
			return verifier.verify(Optional.of(checkpoint));
		}
		finally {
			supplied.unlock();
		}
	}

	@GetMapping("/api/ledger/checkpoints/latest")
	@Operation(summary = "The latest signed checkpoint, with the public key and the signed text that verify it;"
			+ " save it to hold the ledger to it later")
	PublishedCheckpoint latest() {
		return latest.find()
			.orElseThrow(() -> ApiException.notFound("No checkpoint is signed yet: the ledger has no entries"));
	}

	@GetMapping("/api/ledger/checkpoints")
	@Operation(summary = "The signed checkpoints, newest first, with the public key that verifies them")
	Checkpoints checkpoints(
			@Parameter(description = "1 to 1000, default 100") @RequestParam(required = false) String limit,
			@RequestParam(required = false) String offset) {
		// paged as the entries are, and refused with the same messages
		LedgerQuery page = LedgerQuery.parse(null, null, null, null, null, null, null, limit, offset, null);
		return new Checkpoints(SigningKey.ALGORITHM, key.publicKeyBase64(), key.publicKeyPem(), Checkpoint.FORMAT,
				checkpoints.count(), checkpoints.newest(page.limit(), page.offset()));
	}

	@GetMapping("/api/ledger")
	@Operation(summary = "The entries, newest first, with their hashes (auditors and admins)")
	Entries entries(@RequestParam(required = false) String kind,
			@RequestParam(required = false) String organisation, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) String datastream,
			@Parameter(description = "who did it, as recorded (a username, a device name, platform)")
			@RequestParam(required = false) String actor,
			@Parameter(description = "recorded at or after (ISO-8601)") @RequestParam(required = false) String from,
			@Parameter(description = "recorded before (ISO-8601)") @RequestParam(required = false) String to,
			@Parameter(description = "1 to 1000, default 100") @RequestParam(required = false) String limit,
			@RequestParam(required = false) String offset,
			@Parameter(description = "continue after this entry (newest first: older entries)")
			@RequestParam(required = false) String afterSeq) {
		LedgerQuery query = LedgerQuery.parse(kind, organisation, purpose, datastream, actor, from, to, limit, offset,
				afterSeq);
		List<LedgerEntry> found = search.find(query);
		Long next = found.size() < query.limit() ? null : found.getLast().seq();
		return new Entries(found, next);
	}

	@GetMapping("/api/ledger/summary")
	@Operation(summary = "Reads of personal data per organisation, purpose, datastream and month; no names",
			description = "Months are calendar months of the city (cabildo.city.time-zone), named in timeZone.")
	LedgerSummary.Summary summary() {
		return summary.current();
	}

}
