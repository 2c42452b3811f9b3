package org.cabildo.governance.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

import org.cabildo.IntegrationTest;
import org.cabildo.governance.AccessLedger;
import org.cabildo.support.Api;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Signed checkpoints: published with their key, verifiable by anyone, and checked by the verification. */
@IntegrationTest
class CheckpointTest {

	@LocalServerPort
	int port;

	@Autowired
	AccessLedger ledger;

	@Autowired
	CheckpointJob job;

	@Autowired
	LedgerVerifier verifier;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LedgerCheckpoints checkpoints;

	@Autowired
	CheckpointFile file;

	@Test
	@DisplayName("a ledger's first entry is checkpointed at once: removing its newest entries before the job runs is"
			+ " reported, naming the first removed")
	void firstEntryIsCheckpointed() throws Exception {
		Tampering.append(ledger, 1);
		try (Tampering tampering = new Tampering(jdbc, 1, file)) {
			// the ledger as on its first day: no entry, nothing signed, nothing kept
			tampering.sql("DELETE FROM ledger_entries");
			tampering.sql("DELETE FROM ledger_checkpoints");
			tampering.sql("UPDATE ledger_head SET seq = 0, entry_hash = ? WHERE id = 1", LedgerEntry.GENESIS);
			Files.deleteIfExists(file.path());
			Tampering.append(ledger, 3);
			assertThat(checkpoints.latest()).map(Checkpoint::seq).as("signed with the first entry").contains(1L);
			assertThat(file.read()).map(Checkpoint::seq).as("and kept outside the database").contains(1L);
			assertThat(verifier.verify().valid()).isTrue();

			// the newest entries cut off, the head moved back to match: the chain alone holds
			tampering.sql("DELETE FROM ledger_entries");
			tampering.sql("UPDATE ledger_head SET seq = 0, entry_hash = ? WHERE id = 1", LedgerEntry.GENESIS);
			Verification verification = verifier.verify();
			assertThat(verification.firstBroken()).isNull();
			assertThat(verification.valid()).isFalse();
			assertThat(verification.checkpoints().firstInvalid())
				.isEqualTo(new Verification.InvalidCheckpoint(1, "entry missing"));
			assertThat(verification.firstAltered().seq()).isEqualTo(1L);
			assertThat(verification.firstAltered().detail()).startsWith("entry 1 is the first removed");
		}
		assertThat(verifier.verify().valid()).isTrue();
	}

	@Test
	@DisplayName("a checkpoint of the moved head verifies with the published public key, using java.security only")
	void publishedCheckpointVerifies() throws Exception {
		long first = Tampering.append(ledger, 3);
		Checkpoint signed = job.checkpoint().orElseThrow();
		assertThat(signed.seq()).isGreaterThanOrEqualTo(first + 2);
		assertThat(job.checkpoint()).as("the head did not move").isEmpty();

		Api.Response response = Api.anonymous(port).get("/api/ledger/checkpoints", "limit", "5");
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("algorithm").asString()).isEqualTo("Ed25519");
		assertThat(body.get("signedMessageFormat").asString()).contains("{seq}").contains("{entryHash}");
		assertThat(body.get("publicKeyPem").asString()).startsWith("-----BEGIN PUBLIC KEY-----");
		JsonNode newest = body.get("checkpoints").get(0);
		assertThat(newest.get("seq").asLong()).isEqualTo(signed.seq());

		PublicKey key = KeyFactory.getInstance("Ed25519")
			.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body.get("publicKey").asString())));
		String message = "cabildo-ledger-checkpoint\n" + newest.get("seq").asLong() + "\n"
				+ newest.get("entryHash").asString() + "\n" + newest.get("signedAt").asString();
		Signature signature = Signature.getInstance("Ed25519");
		signature.initVerify(key);
		signature.update(message.getBytes(StandardCharsets.UTF_8));
		assertThat(signature.verify(Base64.getDecoder().decode(newest.get("signature").asString()))).isTrue();
		assertThat(verifier.verify().checkpoints().valid()).isTrue();
	}

	@Test
	@DisplayName("a checkpoint with a forged signature is reported")
	void forgedSignature() throws Exception {
		Tampering.append(ledger, 2);
		Head head = jdbc.sql("SELECT seq, entry_hash FROM ledger_head").query((rs, n) -> new Head(rs.getLong(1),
				rs.getString(2))).single();
		Instant at = Instant.parse("2024-05-01T00:00:00Z");
		Signature other = Signature.getInstance("Ed25519");
		other.initSign(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
		other.update(Checkpoint.message(head.seq(), head.entryHash(), at).getBytes(StandardCharsets.UTF_8));
		String forged = Base64.getEncoder().encodeToString(other.sign());
		try (Tampering tampering = new Tampering(jdbc, head.seq() + 1)) {
			tampering.sql("INSERT INTO ledger_checkpoints (seq, entry_hash, signed_at, signature) VALUES (?, ?, ?, ?)",
					head.seq(), head.entryHash(), LedgerEntries.utc(at), forged);
			Verification verification = verifier.verify();
			assertThat(verification.valid()).isFalse();
			assertThat(verification.firstBroken()).isNull();
			assertThat(verification.checkpoints().firstInvalid())
				.isEqualTo(new Verification.InvalidCheckpoint(head.seq(), "signature invalid"));
			tampering.sql("DELETE FROM ledger_checkpoints WHERE seq = ?", head.seq());
		}
		assertThat(verifier.verify().valid()).isTrue();
	}

	@Test
	@DisplayName("a chain rewritten under a checkpoint, every hash recomputed, is reported at the checkpoint")
	void rewrittenChain() {
		long first = Tampering.append(ledger, 4);
		Checkpoint signed = job.checkpoint().orElseThrow();
		Tampering.append(ledger, 2);
		try (Tampering tampering = new Tampering(jdbc, first)) {
			// rewrite an entry, then recompute every hash after it and the head: the chain alone holds
			String previous = tampering.entry(first).previousHash();
			long last = jdbc.sql("SELECT seq FROM ledger_head").query(Long.class).single();
			for (long seq = first; seq <= last; seq++) {
				LedgerEntry e = tampering.entry(seq);
				LedgerEntry rewritten = new LedgerEntry(e.seq(), e.recordedAt(), e.kind(),
						seq == first + 1 ? "nobody" : e.actor(), e.organisation(), e.purpose(), e.datastreams(),
						e.rangeStart(), e.rangeEnd(), e.observations(), e.fingerprint(), e.detail(), previous, null);
				rewritten = rewritten.withHash(rewritten.computedHash());
				tampering.replace(rewritten);
				previous = rewritten.entryHash();
			}
			tampering.sql("UPDATE ledger_head SET entry_hash = ? WHERE id = 1", previous);
			Verification verification = verifier.verify();
			assertThat(verification.firstBroken()).isNull();
			assertThat(verification.valid()).isFalse();
			assertThat(verification.checkpoints().firstInvalid())
				.isEqualTo(new Verification.InvalidCheckpoint(signed.seq(), "entry hash differs"));
			assertThat(job.checkpoint()).as("nothing is signed over a chain that no longer links to the last checkpoint")
				.isEmpty();
		}
		assertThat(verifier.verify().valid()).isTrue();
	}

}
