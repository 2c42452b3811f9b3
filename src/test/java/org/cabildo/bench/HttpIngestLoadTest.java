package org.cabildo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.cabildo.bench.Dataset.Series;
import org.junit.jupiter.api.Test;

class HttpIngestLoadTest {

	@Test
	void countsSelfLinksAndErrorsOfADataArrayAnswer() {
		byte[] answer = "[\"http://h/v1.1/Observations(1)\",\"error\",\"http://h/v1.1/Observations(2)\"]"
			.getBytes(StandardCharsets.US_ASCII);
		assertThat(HttpIngestLoad.occurrences(answer, "Observations(".getBytes(StandardCharsets.US_ASCII))).isEqualTo(2);
		assertThat(HttpIngestLoad.occurrences(answer, "\"error\"".getBytes(StandardCharsets.US_ASCII))).isEqualTo(1);
	}

	@Test
	void everyDatastreamBelongsToExactlyOneClient() {
		List<Series> datastreams = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			datastreams.add(new Series(i, 1000 + i, 1, 0, 60, 10, i));
		}
		List<Series> all = new ArrayList<>();
		for (int c = 0; c < 32; c++) {
			List<Series> own = HttpIngestLoad.share(datastreams, 32, c);
			assertThat(own).hasSizeBetween(3, 4);
			all.addAll(own);
		}
		assertThat(all).containsExactlyInAnyOrderElementsOf(datastreams);
	}

}
