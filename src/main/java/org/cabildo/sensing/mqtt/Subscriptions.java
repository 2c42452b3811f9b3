package org.cabildo.sensing.mqtt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.cabildo.sensing.query.QueryException;
import org.cabildo.sensing.query.QueryOptionsParser;

/**
 * The topic filters clients of the embedded broker are subscribed to, so that a change is
 * rendered only for the topics someone listens on, and each {@code $select} variant as asked.
 * Kept from the broker's subscribe, unsubscribe and disconnect events.
 */
class Subscriptions {

	/** A message to send: the topic, and the properties it carries (all when empty). */
	record Delivery(String topic, List<String> select) {
	}

	/** A subscribed filter, split into what it matches and the {@code $select} it asks for. */
	private record Filter(String text, String path, String query, List<String> select) {

		static Filter of(String text) {
			int question = text.indexOf('?');
			String path = question < 0 ? text : text.substring(0, question);
			String query = question < 0 ? null : text.substring(question + 1);
			return new Filter(text, path, query, query == null ? List.of() : select(query));
		}

		/** The {@code $select} of a query; null when it asks for what MQTT does not offer. */
		private static List<String> select(String query) {
			Map<String, String> options = new HashMap<>();
			for (String option : query.split("&")) {
				int equals = option.indexOf('=');
				if (equals < 0) {
					return null;
				}
				options.put(option.substring(0, equals), option.substring(equals + 1));
			}
			if (options.size() != 1 || !options.containsKey("$select")) {
				return null;
			}
			try {
				return QueryOptionsParser.parse(options).select();
			}
			catch (QueryException e) {
				return null;
			}
		}

		boolean deliverable() {
			return select != null;
		}

	}

	private final Map<String, Set<String>> byClient = new HashMap<>();

	private final Map<String, Integer> counts = new HashMap<>();

	/** Filters without wildcards, by the path they match. */
	private final Map<String, Map<String, Filter>> exact = new ConcurrentHashMap<>();

	private final Map<String, Filter> wildcards = new ConcurrentHashMap<>();

	synchronized void subscribed(String client, String filter) {
		String matched = Topics.unshared(filter);
		if (byClient.computeIfAbsent(client, c -> new HashSet<>()).add(matched)
				&& counts.merge(matched, 1, Integer::sum) == 1) {
			Filter parsed = Filter.of(matched);
			if (Topics.hasWildcard(parsed.path())) {
				wildcards.put(matched, parsed);
			}
			else {
				exact.computeIfAbsent(parsed.path(), p -> new ConcurrentHashMap<>()).put(matched, parsed);
			}
		}
	}

	synchronized void unsubscribed(String client, String filter) {
		String matched = Topics.unshared(filter);
		Set<String> filters = byClient.get(client);
		if (filters != null && filters.remove(matched)) {
			release(matched);
		}
	}

	/** The client's session ended: its subscriptions with it. */
	synchronized void sessionEnded(String client) {
		Set<String> filters = byClient.remove(client);
		if (filters != null) {
			filters.forEach(this::release);
		}
	}

	private void release(String filter) {
		if (counts.merge(filter, -1, Integer::sum) == 0) {
			counts.remove(filter);
			wildcards.remove(filter);
			Filter parsed = Filter.of(filter);
			exact.computeIfPresent(parsed.path(), (path, filters) -> {
				filters.remove(filter);
				return filters.isEmpty() ? null : filters;
			});
		}
	}

	boolean isEmpty() {
		return exact.isEmpty() && wildcards.isEmpty();
	}

	/**
	 * The messages a change at a resource path (as {@code v1.1/Datastreams(1)/Observations})
	 * makes: one on the path itself if a filter matches it, and one per {@code $select} variant
	 * subscribed to.
	 */
	List<Delivery> deliveries(String path) {
		Map<String, Delivery> deliveries = new LinkedHashMap<>();
		Map<String, Filter> filters = exact.get(path);
		if (filters != null) {
			filters.values().forEach(filter -> add(deliveries, filter, filter.text()));
		}
		if (!wildcards.isEmpty()) {
			for (Filter filter : wildcards.values()) {
				if (Topics.matches(filter.path(), path)) {
					add(deliveries, filter, filter.query() == null ? path : path + "?" + filter.query());
				}
			}
		}
		return new ArrayList<>(deliveries.values());
	}

	private static void add(Map<String, Delivery> deliveries, Filter filter, String topic) {
		if (filter.deliverable()) {
			deliveries.putIfAbsent(topic, new Delivery(topic, filter.select()));
		}
	}

}
