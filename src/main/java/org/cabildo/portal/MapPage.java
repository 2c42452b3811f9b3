package org.cabildo.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.PersonalDataClass;
import org.cabildo.governance.Register;
import org.cabildo.governance.RegisterFilter;
import org.cabildo.governance.Stage;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.DatastreamPlaces;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Puts the map page together from the public register, filtered by the register's own filter, as
 * anyone may read it: the streams' places, what each is for and who answers for it, one page of
 * {@value #PAGE_SIZE} at a time; and the district each is in, where the city has districts.
 */
@Component
class MapPage {

	/** The most streams one page lists (the map shows them all). */
	static final int PAGE_SIZE = 50;

	/** The filters the page offers, as the register's parameters name them. */
	private static final List<String> FILTERS = List.of("purpose", "technology", "class", "organisation", "stage");

	/**
	 * What a reader asked for, as given (null or blank: any).
	 *
	 * @param page the page number, from 1
	 */
	record Query(String purpose, String technology, String personalDataClass, String organisation, String stage,
			String page) {
	}

	private final Register register;

	private final DatastreamPlaces places;

	private final Districts districts;

	private final MapTiles tiles;

	private final MessageSource messages;

	MapPage(Register register, DatastreamPlaces places, Districts districts, MapTiles tiles,
			MessageSource messages) {
		this.register = register;
		this.places = places;
		this.districts = districts;
		this.tiles = tiles;
		this.messages = messages;
	}

	/**
	 * The page of the streams a query selects.
	 *
	 * @throws ApiException 400 naming the parameter of a value the register does not know, 404 for a
	 * page past the last
	 */
	SensorMap of(Language language, Query query) {
		RegisterFilter filter = register.filter(query.purpose(), query.technology(), query.personalDataClass(),
				query.organisation(), query.stage(), null, null);
		if (filter.organisation() != null && register.organisation(filter.organisation()).isEmpty()) {
			throw ApiException.badRequest("there is no organisation '" + filter.organisation() + "'")
				.with("parameter", "organisation");
		}
		int page = page(query.page());
		List<Declaration> declarations = register.all();
		Map<Long, DatastreamPlaces.Place> where = places.all();
		Collator collator = Collator.getInstance(language.locale());
		List<Declaration> selected = declarations.stream()
			.filter(declaration -> filter.matches(declaration, where.get(declaration.datastreamId())))
			.sorted(Comparator.comparing((Declaration d) -> thing(where.get(d.datastreamId())), collator)
				.thenComparing(d -> stream(d, where.get(d.datastreamId())), collator)
				.thenComparingLong(Declaration::datastreamId))
			.toList();
		int pages = Math.max(1, (selected.size() + PAGE_SIZE - 1) / PAGE_SIZE);
		if (page > pages) {
			throw new ApiException(HttpStatus.NOT_FOUND, "there is no page " + page).with("parameter", "page")
				.with("pages", pages);
		}
		int from = (page - 1) * PAGE_SIZE;
		int to = Math.min(selected.size(), from + PAGE_SIZE);
		NumberFormat numbers = NumberFormat.getIntegerInstance(language.locale());
		Map<String, String> chosen = chosen(filter);
		return new SensorMap(filters(language, declarations, filter), selected.subList(from, to)
			.stream()
			.map(declaration -> row(declaration, where.get(declaration.datastreamId()), language))
			.toList(), numbers.format(selected.size()),
				selected.isEmpty() ? "" : numbers.format(from + 1L) + "–" + numbers.format(to),
				page > 1 ? address("/map", chosen, page - 1) : null,
				page < pages ? address("/map", chosen, page + 1) : null, districts.any(), null,
				layers(language, chosen));
	}

	/** The page that says why a query cannot be answered, with the filter form to ask again. */
	SensorMap refused(Language language, Query query, ApiException refusal) {
		String parameter = String.valueOf(refusal.details().getOrDefault("parameter", "page"));
		String reason;
		if (refusal.status() == HttpStatus.NOT_FOUND) {
			reason = message("map.refused.page", language, query.page(), refusal.details().get("pages"));
		}
		else {
			String value = switch (parameter) {
				case "purpose" -> query.purpose();
				case "technology" -> query.technology();
				case "class" -> query.personalDataClass();
				case "organisation" -> query.organisation();
				case "stage" -> query.stage();
				default -> query.page();
			};
			String label = FILTERS.contains(parameter) ? message("map.filter." + parameter, language)
					: message("map.page", language);
			reason = message("map.refused.value", language, shortened(value), label);
		}
		List<Declaration> declarations = register.all();
		return new SensorMap(filters(language, declarations, RegisterFilter.ANY), List.of(), "0", "", null, null,
				districts.any(), reason, layers(language, Map.of()));
	}

	private List<SensorMap.Filter> filters(Language language, List<Declaration> declarations,
			RegisterFilter filter) {
		String lang = language.code();
		Collator collator = Collator.getInstance(language.locale());
		Set<String> purposes = new TreeSet<>(declarations.stream().flatMap(d -> d.purposes().stream()).toList());
		Set<String> technologies = new TreeSet<>(declarations.stream().flatMap(d -> d.technology().stream()).toList());
		if (filter.purpose() != null) {
			purposes.add(filter.purpose());
		}
		if (filter.technology() != null) {
			technologies.add(filter.technology());
		}
		Map<String, String> organisations = new LinkedHashMap<>();
		declarations.forEach(d -> organisations.put(d.organisation(), Long.toString(d.organisationId())));
		return List.of(
				filter("purpose", language, sorted(purposes.stream()
					.map(id -> option(id, register.label("purpose", id, lang), id.equals(filter.purpose())))
					.toList(), collator)),
				filter("technology", language, sorted(technologies.stream()
					.map(id -> option(id, register.label("tech", id, lang), id.equals(filter.technology())))
					.toList(), collator)),
				filter("class", language, Arrays.stream(PersonalDataClass.values())
					.map(value -> option(value.id(), message("personal-data." + value.id(), language),
							value == filter.personalDataClass()))
					.toList()),
				filter("organisation", language, sorted(organisations.entrySet()
					.stream()
					.map(e -> option(e.getKey(), e.getKey(),
							e.getKey().equals(filter.organisation()) || e.getValue().equals(filter.organisation())))
					.toList(), collator)),
				filter("stage", language, Arrays.stream(Stage.values())
					.map(value -> option(value.id(), message("map.stage." + value.id(), language),
							value == filter.stage()))
					.toList()));
	}

	private SensorMap.Filter filter(String name, Language language, List<SensorMap.Option> options) {
		List<SensorMap.Option> all = new ArrayList<>();
		all.add(new SensorMap.Option("", message("map.any", language), options.stream().noneMatch(SensorMap.Option::selected)));
		all.addAll(options);
		return new SensorMap.Filter(name, message("map.filter." + name, language), all);
	}

	private static SensorMap.Option option(String value, String label, boolean selected) {
		return new SensorMap.Option(value, label, selected);
	}

	private static List<SensorMap.Option> sorted(List<SensorMap.Option> options, Collator collator) {
		return options.stream().sorted(Comparator.comparing(SensorMap.Option::label, collator)).toList();
	}

	private SensorMap.Row row(Declaration declaration, DatastreamPlaces.Place place, Language language) {
		String lang = language.code();
		return new SensorMap.Row(stream(declaration, place), thing(place),
				declaration.purposes().stream().map(id -> register.label("purpose", id, lang))
					.collect(Collectors.joining(", ")),
				declaration.technology().stream().map(id -> register.label("tech", id, lang))
					.collect(Collectors.joining(", ")),
				message("personal-data." + declaration.personalDataClass().id(), language),
				declaration.organisation(), message("map.stage." + declaration.stage().id(), language),
				place == null ? "" : districts.at(place.anchor()).orElse(""),
				"/sensors/" + declaration.datastreamId());
	}

	private SensorMap.Layers layers(Language language, Map<String, String> chosen) {
		Map<String, String> streams = new LinkedHashMap<>();
		streams.put("lang", language.code());
		streams.putAll(chosen);
		return new SensorMap.Layers(address("/api/register.geojson", streams, 0),
				districts.any() ? "/map/districts.geojson" : "", districts.attribution(), tiles.template(),
				tiles.attribution());
	}

	/** The filters a reader chose, as the register's parameters. */
	private static Map<String, String> chosen(RegisterFilter filter) {
		Map<String, String> chosen = new LinkedHashMap<>();
		chosen.put("purpose", filter.purpose());
		chosen.put("technology", filter.technology());
		chosen.put("class", filter.personalDataClass() == null ? null : filter.personalDataClass().id());
		chosen.put("organisation", filter.organisation());
		chosen.put("stage", filter.stage() == null ? null : filter.stage().id());
		chosen.values().removeIf(Objects::isNull);
		return chosen;
	}

	/** A path with these parameters (and a page number, when above 1), encoded as a form would. */
	private static String address(String path, Map<String, String> parameters, int page) {
		Map<String, String> all = new LinkedHashMap<>(parameters);
		if (page > 1) {
			all.put("page", Integer.toString(page));
		}
		return all.isEmpty() ? path : path + "?" + all.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static int page(String page) {
		if (page == null || page.isBlank()) {
			return 1;
		}
		try {
			int number = Integer.parseInt(page.strip());
			if (number >= 1) {
				return number;
			}
		}
		catch (NumberFormatException e) {
			// refused below
		}
		throw ApiException.badRequest("page is a whole number from 1").with("parameter", "page");
	}

	private static String thing(DatastreamPlaces.Place place) {
		return place == null || place.thing() == null ? "" : place.thing();
	}

	private static String stream(Declaration declaration, DatastreamPlaces.Place place) {
		return place == null || place.name() == null ? "#" + declaration.datastreamId() : place.name();
	}

	/** A value as a refusal repeats it: at most 60 characters. */
	private static String shortened(String value) {
		String text = value == null ? "" : value.strip();
		return text.length() <= 60 ? text : text.substring(0, 59) + "…";
	}

	private String message(String key, Language language, Object... arguments) {
		return messages.getMessage(key, arguments, key, language.locale());
	}

}
