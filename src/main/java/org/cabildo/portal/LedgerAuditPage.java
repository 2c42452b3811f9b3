package org.cabildo.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cabildo.governance.Ledger;
import org.cabildo.governance.Register;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Puts the auditor's pages together from the ledger's entries as {@code GET /api/ledger} finds
 * them: the same filters, parsed and refused by the same code, the same bounds.
 */
@Component
class LedgerAuditPage {

	/** Entries per page (the API allows 1 to 1000). */
	static final int PAGE = 50;

	private final Ledger ledger;

	private final Register register;

	private final Organisations organisations;

	private final CityTime city;

	private final MessageSource messages;

	LedgerAuditPage(Ledger ledger, Register register, Organisations organisations, CityTime city,
			MessageSource messages) {
		this.ledger = ledger;
		this.register = register;
		this.organisations = organisations;
		this.city = city;
		this.messages = messages;
	}

	/**
	 * The entries the filters select, newest first, after {@code afterSeq} when given.
	 *
	 * @throws ApiException 400 naming the parameter that is not valid
	 */
	Audit.Entries entries(Language language, Audit.Filters filters, String afterSeq) {
		LedgerWriting writing = new LedgerWriting(language, city, messages);
		Ledger.Page page = ledger.entries(new Ledger.Filter(filters.kind(), organisation(filters.organisation()),
				filters.purpose(), filters.datastream(), filters.actor(), startOf("from", filters.from(), 0),
				startOf("to", filters.to(), 1), Integer.toString(PAGE), afterSeq));
		Function<Long, String> names = names(page.entries().stream().map(Ledger.Entry::organisation).toList());
		List<Audit.Row> rows = page.entries()
			.stream()
			.map(e -> new Audit.Row(LedgerWriting.seq(e.seq()), "/audit/entries/" + e.seq(), writing.time(e.recordedAt()),
					e.kind(), blank(e.actor()), names.apply(e.organisation()), purpose(e.purpose(), language),
					datastreams(e.datastreams()), writing.number(e.observations()), e.entryHash().substring(0, 12) + "…"))
			.toList();
		String range = rows.isEmpty() ? "" : rows.getFirst().seq() + "–" + rows.getLast().seq();
		String older = page.nextAfterSeq() == null ? null : link(filters, page.nextAfterSeq());
		return new Audit.Entries(filters, rows, range, older, city.name());
	}

	/** One entry; empty when the ledger has none with that number. */
	Optional<Audit.Entry> entry(Language language, long seq) {
		LedgerWriting writing = new LedgerWriting(language, city, messages);
		return ledger.entry(seq).map(details -> {
			Ledger.Entry e = details.entry();
			Function<Long, String> names = names(java.util.Collections.singletonList(e.organisation()));
			return new Audit.Entry(LedgerWriting.seq(e.seq()), writing.time(e.recordedAt()), e.kind(), blank(e.actor()),
					names.apply(e.organisation()), purpose(e.purpose(), language), datastreams(e.datastreams()),
					blank(writing.time(e.rangeStart())), blank(writing.time(e.rangeEnd())),
					writing.number(e.observations()), blank(e.fingerprint()), blank(e.detail()), e.entryHash(),
					e.previousHash(), details.canonical(), details.hashHolds(), details.previousHolds(), e.seq() == 1,
					e.seq() == 1 ? null : "/audit/entries/" + (e.seq() - 1),
					ledger.entry(e.seq() + 1).isPresent() ? "/audit/entries/" + (e.seq() + 1) : null, city.name());
		});
	}

	/** A verification begun now (or the one running now), in words. */
	LedgerWriting.Verified verify(Language language) {
		return new LedgerWriting(language, city, messages).verified(ledger.verify());
	}

	/** An organisation by its number or its exact name, as the API's filter takes it: its number. */
	private String organisation(String given) {
		if (given == null || given.isBlank() || given.strip().matches("\\d{1,18}")) {
			return given;
		}
		return organisations.named(given.strip())
			.map(o -> Long.toString(o.id()))
			.orElseThrow(() -> ApiException.badRequest("there is no organisation named '" + given.strip() + "'")
				.with("parameter", "organisation"));
	}

	/**
	 * A date of the city's calendar (as a date field sends it) as the instant its day begins, plus
	 * {@code days}: "to" includes its day. Anything else goes to the API's parser as it is (an
	 * ISO-8601 instant), which refuses what it cannot read.
	 */
	private String startOf(String parameter, String given, int days) {
		if (given == null || given.isBlank() || !given.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
			return given;
		}
		try {
			return LocalDate.parse(given.strip()).plusDays(days).atStartOfDay(city.zone()).toInstant().toString();
		}
		catch (DateTimeParseException e) {
			throw ApiException.badRequest("'" + given + "' is not a date").with("parameter", parameter);
		}
	}

	private static String link(Audit.Filters filters, long afterSeq) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/audit");
		Map<String, String> given = new java.util.LinkedHashMap<>();
		given.put("kind", filters.kind());
		given.put("organisation", filters.organisation());
		given.put("purpose", filters.purpose());
		given.put("actor", filters.actor());
		given.put("datastream", filters.datastream());
		given.put("from", filters.from());
		given.put("to", filters.to());
		given.forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				link.queryParam(name, value);
			}
		});
		return link.queryParam("afterSeq", afterSeq).encode().build().toUriString();
	}

	private Function<Long, String> names(List<Long> ids) {
		Map<Long, String> known = ids.stream()
			.filter(java.util.Objects::nonNull)
			.distinct()
			.map(organisations::byId)
			.flatMap(Optional::stream)
			.collect(Collectors.toMap(Organisation::id, Organisation::name));
		return id -> id == null ? "—" : known.getOrDefault(id, Long.toString(id));
	}

	private String purpose(String id, Language language) {
		if (id == null) {
			return "—";
		}
		String label = register.label("purpose", id, language.code());
		return label.equals(id) ? id : label + " (" + id + ")";
	}

	private static String datastreams(List<Long> ids) {
		return ids.isEmpty() ? "—" : ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
	}

	private static String blank(String text) {
		return text == null || text.isEmpty() ? "—" : text;
	}

}
