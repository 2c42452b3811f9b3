package org.cabildo.importing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.importing.ImportSink.Observation;
import org.cabildo.importing.ImportSink.Outcome;

import com.ethlo.time.ITU;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A batch of Observations as a CreateObservations body (one DataArray per Datastream, in the
 * order first seen), and the outcomes of its rows put back in the batch's own order: what every
 * sink sends, over HTTP or in the server.
 */
public final class DataArray {

	private final ArrayNode body = JsonNodeFactory.instance.arrayNode();

	/** For each row of the body, in the body's order, its position in the batch. */
	private final List<Integer> order;

	public DataArray(List<Observation> observations) {
		Map<Long, List<Integer>> byStream = new LinkedHashMap<>();
		for (int i = 0; i < observations.size(); i++) {
			byStream.computeIfAbsent(observations.get(i).datastream(), id -> new ArrayList<>()).add(i);
		}
		order = new ArrayList<>(observations.size());
		byStream.forEach((datastream, rows) -> {
			ObjectNode part = body.addObject();
			part.putObject("Datastream").put("@iot.id", datastream);
			part.putArray("components").add("phenomenonTime").add("result");
			ArrayNode data = part.putArray("dataArray");
			for (int row : rows) {
				Observation observation = observations.get(row);
				data.addArray().add(rfc3339(observation.time())).add(observation.value());
				order.add(row);
			}
		});
	}

	/**
	 * A time as RFC 3339 in UTC, always with its seconds (which OffsetDateTime.toString leaves out
	 * at :00) and its fraction when it has one: the shape the server reads fastest.
	 */
	static String rfc3339(OffsetDateTime time) {
		return time.getNano() == 0 ? ITU.formatUtc(time) : ITU.formatUtcNano(time);
	}

	public ArrayNode body() {
		return body;
	}

	/** The outcomes of the body's rows, in the body's order, put in the batch's order. */
	public List<Outcome> inBatchOrder(List<Outcome> answers) {
		Outcome[] outcomes = new Outcome[order.size()];
		for (int i = 0; i < order.size(); i++) {
			outcomes[order.get(i)] = answers.get(i);
		}
		return List.of(outcomes);
	}

	/**
	 * A row's outcome from its entry in a CreateObservations answer with {@code reasons=true}:
	 * {@code {"error": reason}}, {@code {"duplicate": true}} (folded before, too), {@code {"corrected": true}},
	 * {@code {"folded": true}}, or stored.
	 */
	public static Outcome outcome(JsonNode answer) {
		return answer.has("error") ? new Outcome.Refused(answer.get("error").asString())
				: answer.path("duplicate").asBoolean(false) ? Outcome.DUPLICATE
						: answer.path("corrected").asBoolean(false) ? Outcome.CORRECTED
								: answer.path("folded").asBoolean(false) ? Outcome.FOLDED : Outcome.CREATED;
	}

}
