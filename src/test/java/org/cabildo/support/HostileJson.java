package org.cabildo.support;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Generated JSON for fuzzing entries: values a client should not send, and text that is almost JSON. */
public final class HostileJson {

	/** Property names of every entity type, and a few that are no name at all. */
	static final List<String> KEYS = List.of("name", "description", "properties", "encodingType",
			"location", "metadata", "definition", "unitOfMeasurement", "observationType", "observedArea",
			"phenomenonTime", "resultTime", "result", "resultQuality", "validTime", "parameters", "feature", "time",
			"@iot.id", "@iot.selfLink", "Thing", "Things", "Location", "Locations", "Datastream", "Datastreams",
			"Sensor", "ObservedProperty", "FeatureOfInterest", "Observations", "HistoricalLocations", "type",
			"coordinates", "symbol", "", "😀", "a/b", "~", "\u0000", "x".repeat(300));

	private HostileJson() {
	}

	/** JSON values: strings of any characters, numbers of any size, objects with entity keys, arrays. */
	public static Arbitrary<Object> value(int depth) {
		Arbitrary<Object> leaf = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
				Arbitraries.of("2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z/2024-01-02T00:00:00Z", "9999-99-99", "",
						"Point", "application/geo+json", "text/plain", "😀", "x".repeat(5000))
					.map(s -> (Object) s),
				Arbitraries.of(0, -1, 1, Long.MAX_VALUE, Long.MIN_VALUE, 1e308, -1e-308, Double.MAX_VALUE)
					.map(n -> (Object) n),
				Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-1e-400"), new BigInteger("9".repeat(60)))
					.map(n -> (Object) n),
				Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.just((Object) null));
		if (depth == 0) {
			return leaf;
		}
		Arbitrary<Object> inner = Arbitraries.lazy(() -> value(depth - 1));
		Arbitrary<Object> object = Arbitraries.maps(Arbitraries.of(KEYS), inner).ofMaxSize(6).map(m -> (Object) m);
		Arbitrary<Object> array = inner.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
		return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(3, object), Tuple.of(1, array));
	}

	/** Text that is almost JSON: broken, escaped oddly (a lone surrogate, NUL), numbers too big for anything. */
	public static Arbitrary<String> almostJson() {
		return Arbitraries
			.of("{", "}", "[", "]", "\"", ":", ",", "\"name\"", "\"result\"", "\"@iot.id\"", "1e99999", "-0",
					"\"\\ud800\"", "\"\\u0000\"", "\"\\ud83d\\ude00\"", "null", "tru", "\"\\x\"", "9".repeat(400),
					"\"Datastream\"", "{\"@iot.id\": 1}", " ")
			.list()
			.ofMaxSize(25)
			.map(parts -> String.join("", parts));
	}

}
