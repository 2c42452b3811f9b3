package org.cabildo.sensing.mqtt;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cabildo.sensing.model.EntityType;

/**
 * The topics of the SensorThings MQTT extension (OGC 18-088, clause 14): a version, then a
 * resource path as in a URL ({@code v1.1/Datastreams(1)/Observations}), for subscriptions
 * optionally followed by {@code ?$select=...}.
 */
final class Topics {

	static final List<String> VERSIONS = List.of("v1.0", "v1.1");

	/**
	 * Where devices publish Observations: with the Datastream (or MultiDatastream) in the topic or
	 * in the payload.
	 */
	private static final Pattern CREATION = Pattern
		.compile("v1\\.[01]/(?:(Datastreams|MultiDatastreams)\\((\\d{1,18})\\)/)?Observations");

	private static final String SHARED = "$share/";

	private Topics() {
	}

	/**
	 * Every kind of topic the platform serves, each with a rule of who may publish and subscribe
	 * there ({@link DeviceAccess}).
	 */
	enum Kind {

		/**
		 * {@code v1.1/Datastreams(7)/Observations} (or {@code MultiDatastreams(7)}): devices publish
		 * Observations of that Datastream.
		 */
		DATASTREAM_OBSERVATIONS("v1.1/Datastreams(7)/Observations"),
		/** {@code v1.1/Observations}: devices publish Observations naming their Datastream. */
		OBSERVATIONS("v1.1/Observations"),
		/** Any other SensorThings topic ({@code v1.1/Things}, {@code ...?$select=...}): the platform publishes. */
		SENSOR_THINGS("v1.1/Things(1)/Locations?$select=location"),
		/** Outside {@code v1.0/} and {@code v1.1/}: an ordinary broker's. */
		OTHER("city/lights/7");

		private final String example;

		Kind(String example) {
			this.example = example;
		}

		String example() {
			return example;
		}

		/** The kind of a topic, or of a topic filter (without a {@code $share/group/} prefix). */
		static Kind of(String topic) {
			String unshared = unshared(topic);
			if (!isSensorThings(unshared)) {
				return OTHER;
			}
			return creation(unshared)
				.map(creation -> creation.datastream() == null ? OBSERVATIONS : DATASTREAM_OBSERVATIONS)
				.orElse(SENSOR_THINGS);
		}

	}

	/** Whether a topic is in the SensorThings namespace, which only the platform publishes in. */
	static boolean isSensorThings(String topic) {
		return topic.startsWith("v1.0/") || topic.startsWith("v1.1/");
	}

	/**
	 * The Datastream a publish to this topic creates an Observation in.
	 *
	 * @return empty when the topic is not one that creates Observations; a creation with a null
	 * datastream when the payload is to name it
	 */
	static Optional<Creation> creation(String topic) {
		Matcher matcher = CREATION.matcher(topic);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		if (matcher.group(2) == null) {
			return Optional.of(new Creation(null));
		}
		EntityType stream = matcher.group(1).equals("MultiDatastreams") ? EntityType.MULTI_DATASTREAM
				: EntityType.DATASTREAM;
		return Optional.of(new Creation(Long.valueOf(matcher.group(2)), stream));
	}

	/**
	 * @param datastream the id of the Datastream or MultiDatastream the topic names; null when the
	 * payload is to name it
	 * @param stream which of the two the topic names
	 */
	record Creation(Long datastream, EntityType stream) {

		Creation(Long datastream) {
			this(datastream, EntityType.DATASTREAM);
		}

	}

	/** A topic filter without its {@code $share/group/} prefix: what it matches. */
	static String unshared(String filter) {
		if (!filter.startsWith(SHARED)) {
			return filter;
		}
		int slash = filter.indexOf('/', SHARED.length());
		return slash < 0 ? filter : filter.substring(slash + 1);
	}

	/** Whether an MQTT topic filter, with {@code +} and {@code #}, matches a topic. */
	static boolean matches(String filter, String topic) {
		String[] filterLevels = filter.split("/", -1);
		String[] topicLevels = topic.split("/", -1);
		for (int i = 0; i < filterLevels.length; i++) {
			if (filterLevels[i].equals("#")) {
				return true;
			}
			if (i >= topicLevels.length || !(filterLevels[i].equals("+") || filterLevels[i].equals(topicLevels[i]))) {
				return false;
			}
		}
		return filterLevels.length == topicLevels.length;
	}

	static boolean hasWildcard(String filter) {
		return filter.contains("+") || filter.contains("#");
	}

}
