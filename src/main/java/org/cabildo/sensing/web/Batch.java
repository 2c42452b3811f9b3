package org.cabildo.sensing.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.time.TimeValue;
import org.cabildo.sensing.write.DraftReader;
import org.cabildo.sensing.write.ObservationPartitions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the requests of a {@code $batch} in order, each through the same code as when it
 * is sent alone ({@link Resources}, {@link CreateObservations}). The requests of an
 * atomicity group (a changeset) run in one transaction: if one fails, the group is rolled
 * back and each of its other requests answers 424. A request may name an entity that an
 * earlier POST of the batch created as {@code $id} (its request's id): at the start of its
 * url ({@code $sensor1/Datastreams}) or as a link in its body ({@code {"@iot.id": "$sensor1"}}).
 */
@Component
class Batch {

	private final Resources resources;

	private final CreateObservations creation;

	private final ObservationPartitions partitions;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Batch(Resources resources, CreateObservations creation, ObservationPartitions partitions,
			PlatformTransactionManager transactions, Clock clock) {
		this.resources = resources;
		this.creation = creation;
		this.partitions = partitions;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** What is known while a batch runs: the entities created so far, and which requests and groups succeeded. */
	private static final class Progress {

		final Map<String, Reply.Created> created = new HashMap<>();

		final Map<String, Boolean> succeeded = new HashMap<>();

	}

	/**
	 * @param call the call of the batch itself, which relative urls start from
	 * @param answer receives each request with its reply, in order, once it is final
	 */
	void run(Call call, List<BatchRequest> requests, BiConsumer<BatchRequest, Reply> answer) {
		Progress progress = new Progress();
		int next = 0;
		while (next < requests.size()) {
			BatchRequest request = requests.get(next);
			if (request.atomicityGroup() == null) {
				Reply reply = run(call, request, progress);
				remember(request, reply, progress);
				answer.accept(request, reply);
				next++;
				continue;
			}
			int end = next;
			while (end < requests.size() && request.atomicityGroup().equals(requests.get(end).atomicityGroup())) {
				end++;
			}
			List<BatchRequest> group = requests.subList(next, end);
			List<Reply> replies = runGroup(call, group, progress);
			for (int i = 0; i < group.size(); i++) {
				answer.accept(group.get(i), replies.get(i));
			}
			next = end;
		}
	}

	private List<Reply> runGroup(Call call, List<BatchRequest> group, Progress progress) {
		prepareMonths(group);
		List<Reply> replies = new ArrayList<>();
		Progress inGroup = new Progress();
		inGroup.created.putAll(progress.created);
		inGroup.succeeded.putAll(progress.succeeded);
		Reply failure = null;
		try {
			failure = transaction.execute(status -> {
				for (BatchRequest request : group) {
					Reply reply = run(call, request, inGroup);
					replies.add(reply);
					if (!reply.status().is2xxSuccessful()) {
						status.setRollbackOnly();
						return reply;
					}
					remember(request, reply, inGroup);
				}
				return null;
			});
		}
		catch (RuntimeException e) {
			failure = Problems.of(e);
			replies.clear();
		}
		String name = group.get(0).atomicityGroup();
		if (failure == null) {
			progress.created.putAll(inGroup.created);
			progress.succeeded.putAll(inGroup.succeeded);
			progress.succeeded.put(name, true);
			return replies;
		}
		progress.succeeded.put(name, false);
		group.forEach(request -> progress.succeeded.put(request.id(), false));
		List<Reply> rolledBack = new ArrayList<>(group.size());
		// Without a failed request, the transaction itself failed: each request answers with that.
		String failed = replies.isEmpty() ? null : group.get(replies.size() - 1).id();
		for (BatchRequest request : group) {
			if (failed == null || request.id().equals(failed)) {
				rolledBack.add(failure);
			}
			else {
				rolledBack.add(Problems.problem(HttpStatus.FAILED_DEPENDENCY, "not applied: atomicity group '" + name
						+ "' was rolled back as a whole because its request '" + failed + "' failed", Map.of()));
			}
		}
		return rolledBack;
	}

	private static void remember(BatchRequest request, Reply reply, Progress progress) {
		progress.succeeded.put(request.id(), reply.status().is2xxSuccessful());
		if (reply.created() != null) {
			progress.created.put(request.id(), reply.created());
		}
	}

	private Reply run(Call batch, BatchRequest request, Progress progress) {
		try {
			for (String dependency : request.dependsOn()) {
				if (!progress.succeeded.getOrDefault(dependency, false)) {
					return Problems.problem(HttpStatus.FAILED_DEPENDENCY,
							"not run: '" + dependency + "', which this request depends on, failed", Map.of());
				}
			}
			return dispatch(batch, request, progress);
		}
		catch (RuntimeException e) {
			return Problems.of(e);
		}
	}

	private Reply dispatch(Call batch, BatchRequest request, Progress progress) {
		String url = request.url();
		String base = batch.out().baseUrl();
		if (url.startsWith(base + "/")) {
			url = url.substring(base.length());
		}
		else if (url.contains("://")) {
			try {
				URI uri = new URI(url);
				url = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
			}
			catch (URISyntaxException e) {
				throw ApiException.badRequest("the url is not a URL: " + e.getMessage());
			}
		}
		int question = url.indexOf('?');
		String path = question < 0 ? url : url.substring(0, question);
		Map<String, String> parameters = QueryParameters.parse(question < 0 ? null : url.substring(question + 1));
		Version version = batch.version();
		if (path.startsWith("/")) {
			String versionPath = path.length() >= 5 ? path.substring(1, 5) : "";
			if (!versionPath.equals("v1.0") && !versionPath.equals("v1.1")
					|| (path.length() > 5 && path.charAt(5) != '/')) {
				throw ApiException.notFound("nothing is at " + path + "; urls are relative to the service root, "
						+ "as Things(1), or start with /v1.1/");
			}
			version = Version.of(versionPath);
			path = path.substring(5);
		}
		else {
			path = "/" + path;
		}
		path = resolveReference(path, progress);
		if (path.equals("/$batch")) {
			throw ApiException.badRequest("a batch cannot hold another batch");
		}
		// Read as the batch's caller, for the batch's purpose; ledgered as this request.
		Call call = Call.at(base, version, path, batch.reader().answering(request.method() + " " + request.url()),
				parameters);
		Supplier<JsonNode> body = () -> body(request, progress);
		return switch (request.method()) {
			case "GET" -> resources.get(call, QueryParameters.system(parameters));
			case "POST" -> path.equals("/CreateObservations") ? creation.create(call, parameters, body)
					: resources.post(call, parameters, body);
			case "PATCH" -> resources.update(call, body, DraftReader.Mode.PATCH);
			case "PUT" -> resources.update(call, body, DraftReader.Mode.PUT);
			case "DELETE" -> resources.delete(call);
			default -> throw new IllegalStateException("unchecked method " + request.method());
		};
	}

	/** {@code /$sensor1/Datastreams} → {@code /Sensors(7)/Datastreams}. */
	private static String resolveReference(String path, Progress progress) {
		if (!path.startsWith("/$") || path.equals("/$batch")) {
			return path;
		}
		int slash = path.indexOf('/', 1);
		Reply.Created created = created(path.substring(2, slash < 0 ? path.length() : slash), progress);
		return "/" + created.type().setName() + "(" + created.id() + ")" + (slash < 0 ? "" : path.substring(slash));
	}

	private static Reply.Created created(String name, Progress progress) {
		Reply.Created created = progress.created.get(name);
		if (created == null) {
			throw ApiException.badRequest("'$" + name + "' names no entity that an earlier request of this batch "
					+ "created").with("reference", "$" + name);
		}
		return created;
	}

	private static JsonNode body(BatchRequest request, Progress progress) {
		JsonNode body = request.body();
		if (body == null || body.isNull()) {
			throw ApiException.badRequest("the request has no body; expected a JSON object").with("pointer", "/body");
		}
		resolveLinks(body, progress);
		return body;
	}

	/** Links by {@code {"@iot.id": "$name"}} get the id of the entity that request created. */
	private static void resolveLinks(JsonNode node, Progress progress) {
		if (node instanceof ObjectNode object) {
			JsonNode id = object.get("@iot.id");
			if (id != null && id.isString() && id.asString().startsWith("$")) {
				object.put("@iot.id", created(id.asString().substring(1), progress).id());
			}
		}
		if (node.isContainer()) {
			for (JsonNode child : node.values()) {
				resolveLinks(child, progress);
			}
		}
	}

	/**
	 * On PostgreSQL, a transaction that has written observations does not see a partition
	 * made after that: the months a group's observations fall in get theirs before it starts.
	 */
	private void prepareMonths(List<BatchRequest> group) {
		List<Instant> times = new ArrayList<>();
		times.add(clock.instant());
		for (BatchRequest request : group) {
			if (request.body() != null) {
				String path = request.url().split("\\?", 2)[0];
				observationTimes(request.body(), path.endsWith("CreateObservations"), times);
			}
		}
		try {
			partitions.ensure(times);
		}
		catch (RuntimeException e) {
			// The requests that need the partition will fail and say so.
		}
	}

	private static void observationTimes(JsonNode body, boolean dataArray, List<Instant> times) {
		if (dataArray) {
			for (JsonNode group : body) {
				JsonNode components = group.path("components");
				for (int c = 0; c < components.size(); c++) {
					if ("phenomenonTime".equals(components.get(c).asString(null))) {
						for (JsonNode row : group.path("dataArray")) {
							time(row.get(c), times);
						}
					}
				}
			}
			return;
		}
		if (body.isObject()) {
			time(body.get("phenomenonTime"), times);
		}
		if (body.isContainer()) {
			for (JsonNode child : body.values()) {
				observationTimes(child, false, times);
			}
		}
	}

	private static void time(JsonNode value, List<Instant> times) {
		if (value != null && value.isString()) {
			try {
				times.add(TimeValue.parse(value.asString()).start());
			}
			catch (IllegalArgumentException e) {
				// the request itself will say what is wrong with it
			}
		}
	}

}
