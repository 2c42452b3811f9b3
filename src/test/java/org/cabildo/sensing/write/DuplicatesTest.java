package org.cabildo.sensing.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The groups of times the duplicate check asks the database about: the same whatever the order. */
class DuplicatesTest {

	@Test
	void shuffledTimesMakeTheSameGroupsAsSortedOnesEachWithinOneMonth() {
		List<Instant> times = new ArrayList<>();
		Instant first = Instant.parse("2026-01-20T00:00:00Z");
		for (int i = 0; i < 1200; i++) {
			times.add(first.plusSeconds(3600L * i));
		}
		List<Instant> shuffled = new ArrayList<>(times);
		Collections.shuffle(shuffled, new Random(7));

		List<List<Instant>> groups = Duplicates.groups(shuffled);

		assertThat(groups).isEqualTo(Duplicates.groups(times));
		assertThat(groups.stream().flatMap(List::stream).toList()).isEqualTo(times);
		for (List<Instant> group : groups) {
			assertThat(group.size()).isLessThanOrEqualTo(500);
			assertThat(group.get(0).toString().substring(0, 7))
				.isEqualTo(group.get(group.size() - 1).toString().substring(0, 7));
		}
		// January's 12 days, February's 28, March's 10: one group for each month's share of 500.
		assertThat(groups).hasSize(4);
	}

}
