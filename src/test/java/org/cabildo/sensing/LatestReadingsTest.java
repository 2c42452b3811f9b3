package org.cabildo.sensing;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.cabildo.sensing.query.QueryOptionsParser;
import org.junit.jupiter.api.Test;

class LatestReadingsTest {

	@Test
	void theFilterOfTheMostDatastreamsReadAtOnceIsOneTheParserTakes() {
		List<Long> most = LongStream.rangeClosed(1_000_000, 1_000_000 + LatestReadings.MAX_DATASTREAMS - 1).boxed()
			.toList();
		assertThatCode(() -> QueryOptionsParser.parse(Map.of("$filter", LatestReadings.filter(most))))
			.doesNotThrowAnyException();
	}

}
