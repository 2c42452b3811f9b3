package org.cabildo.governance.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import org.cabildo.governance.AccessLevel;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.PersonalDataClass;
import org.cabildo.governance.Stage;
import org.junit.jupiter.api.Test;

/**
 * The register in memory keeps every declaration committed on its node: one committed while the
 * periodic reload reads the table, and many committed at once.
 */
class CurrentDeclarationsTest {

	@Test
	void keepsADeclarationCommittedWhileTheTableIsRead() {
		Store store = new Store();
		CurrentDeclarations current = new CurrentDeclarations(store);
		store.rows = () -> List.of(declaration(1, 1));
		current.reload();

		// the reload reads the table as it was; meanwhile stream 2 is declared and stream 1 changed
		store.rows = () -> {
			List<Declaration> read = List.of(declaration(1, 1));
			current.changed(declaration(2, 1));
			current.changed(declaration(1, 2));
			return read;
		};
		current.reload();
		assertThat(current.of(2)).map(Declaration::version).contains(1);
		assertThat(current.of(1)).map(Declaration::version).contains(2);

		// the next reload reads what the table holds, now with both; a stream gone from it goes
		store.rows = () -> List.of(declaration(1, 2));
		current.reload();
		assertThat(current.of(2)).isEmpty();
		assertThat(current.all()).hasSize(1);
	}

	@Test
	void keepsEveryDeclarationCommittedAtOnce() throws Exception {
		Store store = new Store();
		CurrentDeclarations current = new CurrentDeclarations(store);
		current.reload();
		try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
			LongStream.rangeClosed(1, 2_000).forEach(id -> threads.submit(() -> current.changed(declaration(id, 1))));
		}
		assertThat(current.all()).hasSize(2_000);
	}

	private static Declaration declaration(long datastream, int version) {
		return new Declaration(datastream, version, 1, "office", "office@cabildo.invalid", List.of("ecology"),
				List.of("air_quality"), List.of(), List.of(), List.of(), List.of(),
				new Declaration.Retention(null, Declaration.Retention.NOTHING, null), PersonalDataClass.NONE, null,
				null, AccessLevel.OPEN, List.of(), Stage.CITY, null, null, "A test stream.", null, Instant.EPOCH,
				"tests");
	}

	/** The declarations table, as the test says it reads. */
	private static final class Store extends DeclarationStore {

		Supplier<List<Declaration>> rows = List::of;

		Store() {
			super(null);
		}

		@Override
		public List<Declaration> allCurrent() {
			return rows.get();
		}

	}

}
