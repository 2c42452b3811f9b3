package org.cabildo.portal.steward;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cabildo.governance.objections.ObjectionView;
import org.cabildo.governance.objections.Objections;
import org.cabildo.platform.ApiException;
import org.cabildo.portal.Language;
import org.cabildo.sensing.DatastreamPlaces;
import org.springframework.stereotype.Component;

/**
 * The objections waiting on a steward's streams, and the answers to them, through
 * {@link Objections} as the API's answer endpoint ({@code POST
 * /api/register/{id}/objections/{objectionId}/answer}): the same steward check, status rules and
 * ledger entry.
 */
@Component
class ObjectionPages {

	private final Objections objections;

	private final Stewarded stewarded;

	private final Wording wording;

	ObjectionPages(Objections objections, Stewarded stewarded, Wording wording) {
		this.objections = objections;
		this.stewarded = stewarded;
		this.wording = wording;
	}

	ObjectionsPage page(Language language, int page, Long answered) {
		return page(language, page, answered, null);
	}

	ObjectionView answer(long datastream, long objection, AnswerForm form) {
		return objections.answer(datastream, objection, form.answer());
	}

	/** The first page again, with the refused answer first: the answer as it was sent, and why. */
	ObjectionsPage refused(long datastream, long objection, AnswerForm form, ApiException e, Language language) {
		ObjectionView view = objections.of(datastream)
			.stream()
			.filter(o -> o.id() == objection)
			.findFirst()
			.orElseThrow(() -> ApiException.notFound("there is no objection " + objection + " on Datastream " + datastream));
		FieldProblems problems = wording.problems(e, language, pointer -> "", wording.label(
				"steward.status." + view.status().id(), language));
		Map<Long, DatastreamPlaces.Place> places = stewarded.places(List.of(datastream));
		return page(language, 1, null, item(view, places, form, problems, language));
	}

	private ObjectionsPage page(Language language, int page, Long answered, ObjectionsPage.Item refused) {
		Set<Long> organisations = stewarded.organisations();
		int skip = Paging.skip(page);
		long count = objections.countAwaiting(organisations);
		List<ObjectionView> shown = objections.awaiting(organisations, skip, Paging.SIZE)
			.stream()
			.filter(view -> refused == null || view.id() != refused.id())
			.toList();
		Map<Long, DatastreamPlaces.Place> places = stewarded
			.places(shown.stream().map(ObjectionView::datastreamId).distinct().toList());
		int pages = Paging.pages(count);
		return new ObjectionsPage(count,
				shown.stream().map(view -> item(view, places, AnswerForm.EMPTY, FieldProblems.NONE, language)).toList(),
				new Paging(page, pages,
						wording.label("steward.page", language, wording.number(page, language),
								wording.number(pages, language)),
						page > 1 ? "/console/steward/objections?page=" + Math.min(page - 1, pages) : null,
						page < pages ? "/console/steward/objections?page=" + (page + 1) : null),
				answered == null ? null
						: wording.label("steward.objections.answered", language, answered),
				refused);
	}

	private ObjectionsPage.Item item(ObjectionView view, Map<Long, DatastreamPlaces.Place> places, AnswerForm form,
			FieldProblems problems, Language language) {
		DatastreamPlaces.Place place = places.get(view.datastreamId());
		List<Option> outcomes = view.status()
			.next()
			.stream()
			.sorted()
			.map(status -> new Option(status.id(), wording.label("steward.status." + status.id(), language),
					status.id().equals(form.outcome()), "outcome-" + view.id() + "-" + status.id()))
			.toList();
		return new ObjectionsPage.Item(view.id(), view.datastreamId(),
				place == null ? "" : place.thing() + " · " + place.name(), wording.time(view.filedAt(), language),
				wording.label("steward.category." + view.category().id(), language), view.hidden() ? null : view.text(),
				view.contact(), wording.label("steward.status." + view.status().id(), language), view.answer(),
				outcomes, form, problems);
	}

}
