package org.cabildo.governance.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.cabildo.IntegrationTest;
import org.cabildo.governance.AccessLedger;
import org.cabildo.governance.ledger.Verification.Problem;
import org.cabildo.support.Api;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The chain holds after appends, and each way of tampering with it in the database is found where it is. */
@IntegrationTest
class LedgerVerifierTest {

	@LocalServerPort
	int port;

	@Autowired
	AccessLedger ledger;

	@Autowired
	LedgerVerifier verifier;

	@Autowired
	JdbcClient jdbc;

	@Test
	@DisplayName("after many appends (more than a page of the verification), from one thread and from several at once,"
			+ " seqs are gapless and the chain holds")
	void manyAppendsHold() throws Exception {
		long first = Tampering.append(ledger, 1100);
		List<Long> seqs = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
			List<Future<List<Long>>> done = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				done.add(threads.submit(() -> {
					List<Long> mine = new ArrayList<>();
					for (int i = 0; i < 40; i++) {
						mine.add(Tampering.append(ledger, 1));
					}
					return mine;
				}));
			}
			for (Future<List<Long>> each : done) {
				seqs.addAll(each.get());
			}
		}
		long last = first + 1100 + 320 - 1;
		assertThat(seqs).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(first + 1100, last).boxed().toList());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entries WHERE seq <= ?").param(last).query(Long.class).single())
			.isEqualTo(last);
		Verification verification = verifier.verify();
		assertThat(verification.firstBroken()).isNull();
		assertThat(verification.valid()).isTrue();
		assertThat(verification.entries()).isGreaterThanOrEqualTo(last);
	}

	@Test
	@DisplayName("an entry whose content was altered is reported: content changed")
	void contentChanged() {
		long first = Tampering.append(ledger, 5);
		try (Tampering tampering = new Tampering(jdbc, first)) {
			tampering.sql("UPDATE ledger_entries SET observations = 9999 WHERE seq = ?", first + 2);
			assertBroken(first + 2, Problem.CONTENT_CHANGED);
			JsonNode answer = Api.anonymous(port).get("/api/ledger/verify").json();
			assertThat(answer.get("valid").asBoolean()).isFalse();
			assertThat(answer.get("firstBroken").get("seq").asLong()).isEqualTo(first + 2);
			assertThat(answer.get("firstBroken").get("problem").asString()).isEqualTo("content changed");
		}
		assertThat(verifier.verify().valid()).isTrue();
	}

	@Test
	@DisplayName("an entry rewritten with a recomputed hash is reported where the chain no longer links")
	void rehashed() {
		long first = Tampering.append(ledger, 5);
		try (Tampering tampering = new Tampering(jdbc, first)) {
			LedgerEntry original = tampering.entry(first + 2);
			LedgerEntry forged = new LedgerEntry(original.seq(), original.recordedAt(), original.kind(), "someone else",
					original.organisation(), original.purpose(), original.datastreams(), original.rangeStart(),
					original.rangeEnd(), original.observations(), original.fingerprint(), original.detail(),
					original.previousHash(), null);
			tampering.replace(forged.withHash(forged.computedHash()));
			assertBroken(first + 3, Problem.CHAIN_BROKEN);
		}
	}

	@Test
	@DisplayName("a deleted entry is reported at the entry after it: missing entry before it")
	void deleted() {
		long first = Tampering.append(ledger, 5);
		try (Tampering tampering = new Tampering(jdbc, first)) {
			tampering.sql("DELETE FROM ledger_entries WHERE seq = ?", first + 2);
			assertBroken(first + 3, Problem.MISSING_BEFORE);
		}
		assertThat(verifier.verify().valid()).isTrue();
	}

	@Test
	@DisplayName("a deleted last entry is reported: the head still names it")
	void deletedLast() {
		long first = Tampering.append(ledger, 3);
		try (Tampering tampering = new Tampering(jdbc, first)) {
			tampering.sql("DELETE FROM ledger_entries WHERE seq = ?", first + 2);
			assertBroken(first + 2, Problem.MISSING);
		}
		assertThat(verifier.verify().valid()).isTrue();
	}

	@Test
	@DisplayName("two entries whose seqs were swapped are reported at the first of them: out of order")
	void swapped() {
		long first = Tampering.append(ledger, 6);
		try (Tampering tampering = new Tampering(jdbc, first)) {
			tampering.sql("UPDATE ledger_entries SET seq = -1 WHERE seq = ?", first + 1);
			tampering.sql("UPDATE ledger_entries SET seq = ? WHERE seq = ?", first + 1, first + 4);
			tampering.sql("UPDATE ledger_entries SET seq = ? WHERE seq = -1", first + 4);
			assertBroken(first + 1, Problem.OUT_OF_ORDER);
		}
		assertThat(verifier.verify().valid()).isTrue();
	}

	@Test
	@DisplayName("the very first entry, altered, is reported as entry 1")
	void firstEntry() {
		Tampering.append(ledger, 1);
		try (Tampering tampering = new Tampering(jdbc, 1)) {
			tampering.sql("UPDATE ledger_entries SET detail = 'rewritten' WHERE seq = 1");
			assertBroken(1, Problem.CONTENT_CHANGED);
		}
	}

	private void assertBroken(long seq, Problem problem) {
		Verification verification = verifier.verify();
		assertThat(verification.valid()).isFalse();
		assertThat(verification.firstBroken()).as("%s", verification).isNotNull();
		assertThat(verification.firstBroken().seq()).isEqualTo(seq);
		assertThat(verification.firstBroken().problem()).isEqualTo(problem);
	}

}
