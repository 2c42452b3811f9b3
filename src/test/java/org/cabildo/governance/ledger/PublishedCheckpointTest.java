package org.cabildo.governance.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cabildo.IntegrationTest;
import org.cabildo.governance.AccessLedger;
import org.cabildo.governance.ledger.Verification.OutsideCheckpoint;
import org.cabildo.governance.ledger.Verification.Source;
import org.cabildo.support.Api;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The latest checkpoint kept outside the database (this node's file, a copy anyone saved from
 * {@code /api/ledger/checkpoints/latest}): a chain rewritten with its stored checkpoints deleted
 * no longer matches it, and the verification says where the rewrite began, as near as it can.
 */
@IntegrationTest
class PublishedCheckpointTest {

	@LocalServerPort
	int port;

	@Autowired
	AccessLedger ledger;

	@Autowired
	CheckpointJob job;

	@Autowired
	LedgerVerifier verifier;

	@Autowired
	CheckpointFile file;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path directory;

	@Test
	@DisplayName("the latest checkpoint is published with its public key and verifies with java.security alone")
	void publishedVerifiesWithThePublicKey() throws Exception {
		Tampering.append(ledger, 2);
		Checkpoint signed = job.checkpoint().orElseThrow();
		JsonNode published = Api.anonymous(port).get("/api/ledger/checkpoints/latest").json();
		assertThat(published.get("checkpoint").get("seq").asLong()).isEqualTo(signed.seq());
		assertThat(published.get("signedMessage").asString()).isEqualTo(signed.message());
		PublicKey key = KeyFactory.getInstance("Ed25519")
			.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(published.get("publicKey").asString())));
		Signature signature = Signature.getInstance("Ed25519");
		signature.initVerify(key);
		signature.update(published.get("signedMessage").asString().getBytes(StandardCharsets.UTF_8));
		assertThat(signature.verify(Base64.getDecoder().decode(published.get("checkpoint").get("signature").asString())))
			.isTrue();
		assertThat(file.read()).as("the node's file holds the same").contains(signed);
	}

	@Test
	@DisplayName("a chain rewritten from an early entry, every hash recomputed and the checkpoints deleted, is reported"
			+ " against the node's checkpoint file, which is not overwritten")
	void rewriteWithCheckpointsDeleted() {
		long first = Tampering.append(ledger, 3);
		Checkpoint signed = job.checkpoint().orElseThrow();
		Tampering.append(ledger, 2);
		try (Tampering tampering = new Tampering(jdbc, 1, file)) {
			rewriteFrom(tampering, first + 1);
			tampering.sql("DELETE FROM ledger_checkpoints");
			Verification verification = verifier.verify();
			assertThat(verification.firstBroken()).as("the chain alone holds").isNull();
			assertThat(verification.checkpoints().checked()).isZero();
			assertThat(verification.valid()).isFalse();
			assertThat(verification.checkpoints().outside()).containsExactly(new OutsideCheckpoint(Source.NODE_FILE,
					signed.seq(), signed.entryHash(), signed.signedAt(), false, "entry hash differs"));
			// only the file's checkpoint vouches for anything: the rewrite began at or before its entry
			assertThat(verification.firstAltered()).isEqualTo(new Verification.Altered(null, 0, signed.seq(),
					verification.firstAltered().detail()));
			assertThat(verification.firstAltered().detail()).contains("one of 1 to " + signed.seq());

			assertThat(job.checkpoint()).as("the rewrite is not signed").isEmpty();
			assertThat(file.read()).as("nor the file overwritten").contains(signed);
			JsonNode answer = Api.anonymous(port).get("/api/ledger/verify").json();
			assertThat(answer.get("valid").asBoolean()).isFalse();
			JsonNode outside = answer.get("checkpoints").get("outside").get(0);
			assertThat(outside.get("source").asString()).isEqualTo("this node's checkpoint file");
			assertThat(outside.get("problem").asString()).isEqualTo("entry hash differs");
		}
		assertThat(verifier.verify().valid()).isTrue();
	}

	@Test
	@DisplayName("with a checkpoint of the entry before it still holding, the first altered entry is named exactly;"
			+ " further apart, the entries between them are")
	void firstAlteredEntryNamed() {
		long first = Tampering.append(ledger, 2);
		Checkpoint before = job.checkpoint().orElseThrow();
		Tampering.append(ledger, 1);
		Checkpoint at = job.checkpoint().orElseThrow();
		assertThat(at.seq()).isEqualTo(before.seq() + 1);
		Tampering.append(ledger, 3);
		Checkpoint later = job.checkpoint().orElseThrow();
		Tampering.append(ledger, 1);
		try (Tampering tampering = new Tampering(jdbc, first, file)) {
			rewriteFrom(tampering, at.seq());
			Verification verification = verifier.verify();
			assertThat(verification.firstBroken()).isNull();
			assertThat(verification.checkpoints().firstInvalid())
				.isEqualTo(new Verification.InvalidCheckpoint(at.seq(), "entry hash differs"));
			assertThat(verification.firstAltered().seq()).isEqualTo(at.seq());
			assertThat(verification.firstAltered().intactUpTo()).isEqualTo(before.seq());
			assertThat(verification.firstAltered().detail()).startsWith("entry " + at.seq() + " is the first altered");
		}
		try (Tampering tampering = new Tampering(jdbc, first, file)) {
			rewriteFrom(tampering, at.seq() + 1);
			Verification verification = verifier.verify();
			assertThat(verification.firstAltered().seq()).isNull();
			assertThat(verification.firstAltered().intactUpTo()).isEqualTo(at.seq());
			assertThat(verification.firstAltered().atOrBefore()).isEqualTo(later.seq());
			assertThat(verification.firstAltered().detail())
				.contains("one of " + (at.seq() + 1) + " to " + later.seq());
		}
		assertThat(verifier.verify().valid()).isTrue();
	}

	@Test
	@DisplayName("a copy of the published checkpoint catches a rewrite even when the node's file and the stored"
			+ " checkpoints are gone: over HTTP and with ./cabildo ledger verify --checkpoint")
	void suppliedCheckpoint() throws Exception {
		long first = Tampering.append(ledger, 2);
		job.checkpoint().orElseThrow();
		Api.Response saved = Api.anonymous(port).get("/api/ledger/checkpoints/latest");
		Path copy = Files.writeString(directory.resolve("checkpoint.json"), saved.body());
		long seq = saved.json().get("checkpoint").get("seq").asLong();
		Tampering.append(ledger, 1);

		assertThat(verifyAgainst(saved.json()).get("valid").asBoolean()).as("the ledger holds to it").isTrue();
		try (Tampering tampering = new Tampering(jdbc, 1, file)) {
			rewriteFrom(tampering, first);
			tampering.sql("DELETE FROM ledger_checkpoints");
			Files.delete(file.path());
			assertThat(verifier.verify().valid()).as("nothing left on the node to tell").isTrue();

			JsonNode answer = verifyAgainst(saved.json());
			assertThat(answer.get("valid").asBoolean()).isFalse();
			JsonNode supplied = answer.get("checkpoints").get("outside").get(0);
			assertThat(supplied.get("source").asString()).isEqualTo("supplied");
			assertThat(supplied.get("seq").asLong()).isEqualTo(seq);
			assertThat(supplied.get("problem").asString()).isEqualTo("entry hash differs");
			assertThat(answer.get("firstAltered").get("atOrBefore").asLong()).isEqualTo(seq);

			ByteArrayOutputStream output = new ByteArrayOutputStream();
			LedgerCommands commands = new LedgerCommands(verifier, new PrintStream(output, true, StandardCharsets.UTF_8));
			// as ./cabildo ledger verify --checkpoint FILE passes it on
			commands.run(new DefaultApplicationArguments("verify", "--checkpoint=" + copy));
			assertThat(commands.getExitCode()).isEqualTo(1);
			assertThat(output.toString(StandardCharsets.UTF_8)).contains("supplied: entry " + seq + ", entry hash differs")
				.contains("first altered: ")
				.contains("LEDGER BROKEN");
		}
		assertThat(verifyAgainst(saved.json()).get("valid").asBoolean()).isTrue();
	}

	@Test
	@DisplayName("a body that is not a checkpoint is refused with 400 naming the field; an unreadable file exits 2")
	void malformedCheckpoint() throws Exception {
		Api.Response response = Api.anonymous(port).post("/api/ledger/verify",
				Map.of("seq", 1, "entryHash", "abc", "signedAt", "2024-05-01T00:00:00Z", "signature", "AAAA"));
		assertThat(response.status()).as("%s", response).isEqualTo(400);
		assertThat(response.json().get("pointer").asString()).isEqualTo("/entryHash");
		assertThat(response.json().get("detail").asString()).contains("entryHash");
		assertThat(Api.anonymous(port).post("/api/ledger/verify", Map.of("checkpoint", Map.of("seq", "x"))).json()
			.get("pointer").asString()).isEqualTo("/checkpoint/seq");

		ByteArrayOutputStream output = new ByteArrayOutputStream();
		LedgerCommands commands = new LedgerCommands(verifier, new PrintStream(output, true, StandardCharsets.UTF_8));
		Path garbage = Files.writeString(directory.resolve("garbage.json"), "not json");
		assertThat(commands.run(List.of("verify"), Optional.of(garbage))).isEqualTo(2);
		assertThat(output.toString(StandardCharsets.UTF_8)).contains(garbage.toString());
	}

	private JsonNode verifyAgainst(JsonNode checkpoint) {
		Api.Response response = Api.anonymous(port).post("/api/ledger/verify", checkpoint);
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		return response.json();
	}

	/** Alters entry {@code seq}, then recomputes every hash after it and the head: the chain alone holds. */
	private void rewriteFrom(Tampering tampering, long seq) {
		long last = jdbc.sql("SELECT seq FROM ledger_head").query(Long.class).single();
		String previous = tampering.entry(seq).previousHash();
		for (long each = seq; each <= last; each++) {
			LedgerEntry e = tampering.entry(each);
			LedgerEntry rewritten = new LedgerEntry(e.seq(), e.recordedAt(), e.kind(),
					each == seq ? "nobody" : e.actor(), e.organisation(), e.purpose(), e.datastreams(), e.rangeStart(),
					e.rangeEnd(), e.observations(), e.fingerprint(), e.detail(), previous, null);
			rewritten = rewritten.withHash(rewritten.computedHash());
			tampering.replace(rewritten);
			previous = rewritten.entryHash();
		}
		tampering.sql("UPDATE ledger_head SET entry_hash = ? WHERE id = 1", previous);
	}

}
