package org.cabildo.governance.bulk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.cabildo.governance.DeclarationChange;
import org.cabildo.governance.DeclarationDraft;
import org.cabildo.governance.DeclarationTemplate;
import org.cabildo.governance.Register;
import org.cabildo.governance.RetentionRemoval;
import org.cabildo.governance.Templates;
import org.cabildo.governance.bulk.BulkAnswer.StreamChange;
import org.cabildo.governance.bulk.BulkAnswer.StreamProblem;
import org.cabildo.governance.bulk.BulkRequest.Selection;
import org.cabildo.governance.objections.StageChanges;
import org.cabildo.identity.Caller;
import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Declares or moves many streams at once, all or nothing: every stream is first checked by the
 * rules a single change meets (stewards of its owner, the declaration rules, the stage rules,
 * what retention removes), and every problem is answered, each with its stream and pointer;
 * only when there is none is each change applied, as a single one would be, ledgered per stream.
 */
@Service
public class BulkChanges {

	/** More streams than this in one request are refused (413): a city asks in parts. */
	public static final int MAX_STREAMS = 1000;

	private final Register register;

	private final Templates templates;

	private final StageChanges stages;

	private final StreamSelection selection;

	BulkChanges(Register register, Templates templates, StageChanges stages, StreamSelection selection) {
		this.register = register;
		this.templates = templates;
		this.stages = stages;
		this.selection = selection;
	}

	/** What each stream's change is, once checked; applied later unless it is a dry run. */
	private record Planned(long datastream, DeclarationChange change, StageChanges.Move move) {
	}

	@Transactional
	public BulkAnswer apply(BulkRequest request) {
		String actor = Caller.current()
			.map(Caller::name)
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "declarations are written by stewards: sign in"));
		if (request == null) {
			throw ApiException.badRequest("the body names the streams (select) and one of declaration, template, move");
		}
		int actions = (request.declaration() == null ? 0 : 1) + (request.template() == null ? 0 : 1)
				+ (request.move() == null ? 0 : 1);
		if (actions != 1) {
			throw ApiException.badRequest("give exactly one of declaration, template or move (" + actions + " given)")
				.with("pointer", "/");
		}
		DeclarationTemplate template = request.template() == null ? null : template(request.template());
		List<Long> streams = streams(request.select(), template);
		List<Planned> planned = new ArrayList<>();
		List<StreamProblem> problems = new ArrayList<>();
		for (long datastream : streams) {
			try {
				planned.add(plan(datastream, request, template, actor));
			}
			catch (ApiException e) {
				problems.addAll(problems(datastream, e, request));
			}
		}
		if (!problems.isEmpty()) {
			throw refusal(problems, streams.size());
		}
		long removes = planned.stream().mapToLong(p -> p.change() == null ? 0 : p.change().removes().observations()).sum();
		if (request.isDryRun()) {
			return new BulkAnswer(false, planned.size(), removes, planned.stream().map(BulkChanges::preview).toList());
		}
		if (removes > 0 && (request.confirm() == null || request.confirm() != removes)) {
			throw new ApiException(HttpStatus.CONFLICT, "this change removes " + String.format(java.util.Locale.ROOT, "%,d",
					removes) + " stored Observations of " + planned.stream().filter(p -> p.change() != null
							&& p.change().removes().removesAny()).count() + " streams; repeat it with confirm: "
					+ removes + " to apply it (a dry run lists them)")
				.with("rule", "retention-removes")
				.with("removes", removes)
				.with("pointer", "/confirm");
		}
		List<StreamChange> applied = new ArrayList<>();
		for (Planned plan : planned) {
			applied.add(applyOne(plan, request, template, actor));
		}
		return new BulkAnswer(true, applied.size(), removes, applied);
	}

	private Planned plan(long datastream, BulkRequest request, DeclarationTemplate template, String actor) {
		if (request.move() != null) {
			return new Planned(datastream, null, stages.plan(datastream, request.move()));
		}
		DeclarationDraft draft = template == null ? request.declaration() : template.declaration();
		if (template != null && register.owner(datastream) != template.organisationId()) {
			throw ApiException.badRequest("template " + template.id() + " is " + template.organisation()
					+ "'s; the stream belongs to another organisation").with("pointer", "")
				.with("rule", "template-of-owner");
		}
		return new Planned(datastream, register.preview(datastream, draft, actor), null);
	}

	private StreamChange applyOne(Planned plan, BulkRequest request, DeclarationTemplate template, String actor) {
		if (plan.move() != null) {
			return new StreamChange(plan.datastream(), stages.change(plan.datastream(), request.move()),
					RetentionRemoval.none());
		}
		RetentionRemoval removes = plan.change().removes();
		OptionalLong confirm = OptionalLong.of(removes.observations());
		return new StreamChange(plan.datastream(), template == null
				? register.declare(plan.datastream(), request.declaration(), actor, confirm)
				: register.declareFromTemplate(plan.datastream(), template, actor, confirm), removes);
	}

	private static StreamChange preview(Planned plan) {
		return plan.move() != null ? new StreamChange(plan.datastream(), plan.move().next(), RetentionRemoval.none())
				: new StreamChange(plan.datastream(), plan.change().declaration(), plan.change().removes());
	}

	private DeclarationTemplate template(long id) {
		DeclarationTemplate template = templates.current(id)
			.orElseThrow(() -> ApiException.notFound("there is no declaration template " + id).with("pointer",
					"/template"));
		if (template.withdrawn()) {
			throw new ApiException(HttpStatus.CONFLICT, "template " + id + " is withdrawn").with("pointer", "/template")
				.with("rule", "template-withdrawn");
		}
		return template;
	}

	/** The selected streams, each once, in the order given; at most {@link #MAX_STREAMS}. */
	private List<Long> streams(Selection select, DeclarationTemplate template) {
		if (select == null && template != null) {
			select = switch (template.scope()) {
				case THING -> new Selection(null, template.scopeId(), null);
				case ORGANISATION -> new Selection(null, null, Long.toString(template.scopeId()));
			};
		}
		if (select == null) {
			throw ApiException.badRequest("select the streams: datastreams (ids), thing or organisation")
				.with("pointer", "/select");
		}
		int ways = (select.datastreams() == null ? 0 : 1) + (select.thing() == null ? 0 : 1)
				+ (select.organisation() == null ? 0 : 1);
		if (ways != 1) {
			throw ApiException.badRequest("select the streams one way: datastreams (ids), thing or organisation ("
					+ ways + " given)").with("pointer", "/select");
		}
		List<Long> streams;
		if (select.datastreams() != null) {
			if (select.datastreams().contains(null)) {
				throw ApiException.badRequest("a stream id is a number").with("pointer", "/select/datastreams");
			}
			streams = List.copyOf(new LinkedHashSet<>(select.datastreams()));
		}
		else if (select.thing() != null) {
			if (!selection.thingExists(select.thing())) {
				throw ApiException.notFound("Thing " + select.thing() + " does not exist").with("pointer", "/select/thing");
			}
			streams = selection.ofThing(select.thing(), MAX_STREAMS + 1);
		}
		else {
			String named = select.organisation();
			long organisation = register.organisation(named)
				.orElseThrow(() -> ApiException.notFound("there is no organisation '" + named + "'")
					.with("pointer", "/select/organisation"));
			streams = selection.ofOrganisation(organisation, MAX_STREAMS + 1);
		}
		if (streams.size() > MAX_STREAMS) {
			throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "at most " + MAX_STREAMS + " streams in one request;"
					+ " select fewer (e.g. by Thing, or a list of ids) and send the rest in another")
				.with("pointer", "/select")
				.with("limit", MAX_STREAMS);
		}
		if (streams.isEmpty()) {
			throw ApiException.badRequest("the selection has no streams").with("pointer", "/select");
		}
		return streams;
	}

	/** One stream's refusal as problems pointing into the bulk request. */
	@SuppressWarnings("unchecked")
	private static List<StreamProblem> problems(long datastream, ApiException e, BulkRequest request) {
		String at = request.move() != null ? "/move" : request.template() != null ? "/template" : "/declaration";
		Map<String, Object> details = e.details();
		String rule = details.get("rule") instanceof String text ? text : null;
		if (details.get("problems") instanceof List<?> listed && !listed.isEmpty()) {
			List<StreamProblem> problems = new ArrayList<>();
			for (Object each : listed) {
				Map<String, Object> problem = (Map<String, Object>) each;
				problems.add(new StreamProblem(datastream, e.status().value(), rule, at + problem.get("pointer"),
						String.valueOf(problem.get("problem"))));
			}
			return problems;
		}
		String pointer = details.get("pointer") instanceof String text ? at + text : null;
		return List.of(new StreamProblem(datastream, e.status().value(), rule, pointer, e.getMessage()));
	}

	/** Nothing applied: the status every problem shares (else 400), and every problem listed. */
	private static ApiException refusal(List<StreamProblem> problems, int streams) {
		int status = problems.stream().map(StreamProblem::status).distinct().count() == 1
				? problems.getFirst().status() : 400;
		long refused = problems.stream().map(StreamProblem::datastream).distinct().count();
		StreamProblem first = problems.getFirst();
		return new ApiException(HttpStatus.valueOf(status), refused + " of " + streams + " streams cannot be changed, so"
				+ " none is; first, Datastream " + first.datastream() + (first.pointer() == null ? "" : " at "
						+ first.pointer()) + ": " + first.problem())
			.with("problems", problems);
	}

}
