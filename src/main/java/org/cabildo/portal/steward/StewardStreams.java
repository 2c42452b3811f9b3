package org.cabildo.portal.steward;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.Register;
import org.cabildo.governance.objections.Objections;
import org.cabildo.portal.Language;
import org.cabildo.sensing.DatastreamPlaces;
import org.springframework.stereotype.Component;

/**
 * The list of the streams a steward's organisations own: from the register (the declared, in
 * memory; the undeclared, a page from the database) and the open objections per stream.
 */
@Component
class StewardStreams {

	private final Stewarded stewarded;

	private final Register register;

	private final Objections objections;

	private final Wording wording;

	StewardStreams(Stewarded stewarded, Register register, Objections objections, Wording wording) {
		this.stewarded = stewarded;
		this.register = register;
		this.objections = objections;
		this.wording = wording;
	}

	StreamList of(Language language, int page, int undeclaredPage) {
		Set<Long> organisations = stewarded.organisations();
		int skip = Paging.skip(page);
		int undeclaredSkip = Paging.skip(undeclaredPage);
		List<Declaration> declared = register.all()
			.stream()
			.filter(declaration -> organisations.contains(declaration.organisationId()))
			.sorted(Comparator.comparingLong(Declaration::datastreamId))
			.toList();
		List<Declaration> shown = declared.subList(Math.min(skip, declared.size()),
				Math.min(skip + Paging.SIZE, declared.size()));
		Map<Long, DatastreamPlaces.Place> places = stewarded
			.places(shown.stream().map(Declaration::datastreamId).toList());
		Map<Long, Integer> open = objections.openByDatastream(organisations);
		List<StreamList.Declared> streams = new ArrayList<>();
		for (Declaration declaration : shown) {
			DatastreamPlaces.Place place = places.get(declaration.datastreamId());
			int waiting = open.getOrDefault(declaration.datastreamId(), 0);
			streams.add(new StreamList.Declared(declaration.datastreamId(), place == null ? "" : place.thing(),
					place == null ? "" : place.name(), declaration.organisation(),
					wording.label("steward.stage." + declaration.stage().id(), language),
					wording.number(declaration.version(), language), wording.number(waiting, language), waiting > 0));
		}
		long undeclaredCount = register.countUndeclared(organisations);
		List<StreamList.Undeclared> undeclared = register.undeclared(organisations, undeclaredSkip, Paging.SIZE)
			.stream()
			.map(stream -> new StreamList.Undeclared(stream.datastream(), stream.name(), stream.organisation()))
			.toList();
		return new StreamList(names(organisations), wording.number(declared.size(), language), streams,
				paging(page, declared.size(), language, p -> link(p, undeclaredPage)),
				wording.number(undeclaredCount, language), undeclared,
				paging(undeclaredPage, undeclaredCount, language, p -> link(page, p)));
	}

	private String names(Set<Long> organisations) {
		return String.join(", ", organisations.stream().map(register::organisationName).sorted().toList());
	}

	private Paging paging(int page, long rows, Language language, IntFunction<String> link) {
		int pages = Paging.pages(rows);
		return new Paging(page, pages, wording.label("steward.page", language, wording.number(page, language),
				wording.number(pages, language)), page > 1 ? link.apply(Math.min(page - 1, pages)) : null,
				page < pages ? link.apply(page + 1) : null);
	}

	private static String link(int page, int undeclared) {
		return "/console/steward?page=" + page + "&undeclared=" + undeclared;
	}

}
