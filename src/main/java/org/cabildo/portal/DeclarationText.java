package org.cabildo.portal;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.DtprLabels;
import org.cabildo.governance.Register;
import org.cabildo.governance.RetentionPeriod;
import org.cabildo.platform.CityTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A declaration in words, in one of the portal's languages: the DTPR elements as the shipped
 * vocabulary names them, everything else from the card's labels, times in the city's zone. The
 * street sign of a stream's card and the differences between its versions are written here, so
 * that both say a thing the same way.
 */
@Component
class DeclarationText {

	/** One field of a declaration, written for a page. */
	record Fact(String field, String value) {
	}

	private final Register register;

	private final MessageSource messages;

	private final CityTime city;

	DeclarationText(Register register, MessageSource messages, CityTime city) {
		this.register = register;
		this.messages = messages;
		this.city = city;
	}

	/** The declaration as a street sign says it. */
	Card.Sign sign(Declaration declaration, Language language) {
		Locale locale = language.locale();
		DtprLabels labels = register.labels(declaration, language.code());
		boolean personal = declaration.personalDataClass().isPersonal();
		return new Card.Sign(elements(labels.purposes()), elements(labels.technology()),
				elements(labels.dataCollected()), elements(labels.processing()), elements(labels.access()),
				elements(labels.storage()), declaration.organisation(), link(declaration.contact()),
				retention(declaration.retention(), locale), personalData(declaration, locale),
				personal ? legalBasis(declaration.legalBasis(), locale) : null,
				declaration.privacyStatementUrl() == null ? null : link(declaration.privacyStatementUrl()),
				accessLevel(declaration, locale), sharing(declaration, language), stage(declaration, locale),
				pilot(declaration.pilot(), locale),
				blank(declaration.impactAssessment()) ? null : link(declaration.impactAssessment()),
				consultation(declaration.consultation(), locale), message("card.sign.version", locale,
						String.valueOf(declaration.version()), time(declaration.declaredAt(), locale)));
	}

	/** Every field of the declaration that a version may change, in the order the card shows them. */
	List<Fact> facts(Declaration declaration, Language language) {
		Locale locale = language.locale();
		DtprLabels labels = register.labels(declaration, language.code());
		List<Fact> facts = new ArrayList<>();
		facts.add(fact("summary", declaration.summary(), locale));
		facts.add(fact("purposes", names(labels.purposes()), locale));
		facts.add(fact("technology", names(labels.technology()), locale));
		facts.add(fact("data", names(labels.dataCollected()), locale));
		facts.add(fact("processing", names(labels.processing()), locale));
		facts.add(fact("organisation", declaration.organisation(), locale));
		facts.add(fact("contact", declaration.contact(), locale));
		facts.add(fact("retention", retention(declaration.retention(), locale), locale));
		facts.add(fact("personal-data", personalData(declaration, locale), locale));
		facts.add(fact("legal-basis", legalBasis(declaration.legalBasis(), locale), locale));
		facts.add(fact("privacy", declaration.privacyStatementUrl(), locale));
		facts.add(fact("access-level", accessLevel(declaration, locale), locale));
		facts.add(fact("access", names(labels.access()), locale));
		facts.add(fact("sharing", String.join("; ", sharing(declaration, language)), locale));
		facts.add(fact("storage", names(labels.storage()), locale));
		facts.add(fact("stage", stage(declaration, locale), locale));
		facts.add(fact("pilot", pilot(declaration.pilot(), locale), locale));
		facts.add(fact("impact", declaration.impactAssessment(), locale));
		facts.add(fact("consultation", consultation(declaration.consultation(), locale), locale));
		return facts;
	}

	/** An instant as the city's clocks showed it, in the page's language. */
	String time(java.time.Instant instant, Locale locale) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.format(city.local(instant));
	}

	private Fact fact(String field, String value, Locale locale) {
		return new Fact(message("card.field." + field, locale), blank(value) ? "" : value);
	}

	private static List<Card.Element> elements(List<DtprLabels.Element> elements) {
		return elements.stream().map(element -> new Card.Element(element.name(), element.description())).toList();
	}

	private static String names(List<DtprLabels.Element> elements) {
		return String.join(", ", DtprLabels.names(elements));
	}

	/** How long the raw values are kept, and what remains. */
	String retention(Declaration.Retention retention, Locale locale) {
		if (retention == null || retention.duration() == null) {
			return message("card.retention.unlimited", locale);
		}
		String kept = period(retention.rawPeriod(), locale);
		return retention.keepsAggregates() && retention.granularity() != null
				? message("card.retention.aggregates", locale, kept, period(retention.aggregatePeriod(), locale))
				: message("card.retention.kept", locale, kept);
	}

	/** A period in words: "90 días", "1 year, 6 months", "12 horas". */
	String period(RetentionPeriod period, Locale locale) {
		Period calendar = period.calendar();
		Duration clock = period.clock();
		List<String> parts = new ArrayList<>();
		add(parts, "years", calendar.getYears(), locale);
		add(parts, "months", calendar.getMonths(), locale);
		add(parts, "days", calendar.getDays(), locale);
		add(parts, "hours", clock.toHours(), locale);
		add(parts, "minutes", clock.toMinutesPart(), locale);
		add(parts, "seconds", clock.toSecondsPart(), locale);
		return parts.isEmpty() ? message("card.period.seconds", locale, 0) : String.join(", ", parts);
	}

	private void add(List<String> parts, String unit, long amount, Locale locale) {
		if (amount > 0) {
			parts.add(message("card.period." + unit, locale, amount));
		}
	}

	private String personalData(Declaration declaration, Locale locale) {
		String id = declaration.personalDataClass().id();
		return messages.getMessage("personal-data." + id, null, id, locale);
	}

	private String legalBasis(Declaration.LegalBasis basis, Locale locale) {
		if (basis == null || blank(basis.category())) {
			return null;
		}
		String category = messages.getMessage("card.legal-basis." + basis.category(), null, basis.category(), locale);
		return blank(basis.text()) ? category : category + ": " + basis.text();
	}

	private String accessLevel(Declaration declaration, Locale locale) {
		return message("card.access-level." + declaration.accessLevel().id(), locale, declaration.organisation());
	}

	private List<String> sharing(Declaration declaration, Language language) {
		return declaration.sharing()
			.stream()
			.map(grant -> message("card.sharing", language.locale(), grant.organisation(), String.join(", ",
					grant.purposes().stream().map(p -> register.label("purpose", p, language.code())).toList())))
			.toList();
	}

	private String stage(Declaration declaration, Locale locale) {
		return message("card.stage." + declaration.stage().id(), locale);
	}

	private String pilot(Declaration.Pilot pilot, Locale locale) {
		if (pilot == null) {
			return null;
		}
		String ends = pilot.endsOn() == null ? "—"
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(pilot.endsOn());
		List<double[]> vertices = new ArrayList<>();
		vertices(pilot.area() == null ? null : pilot.area().get("coordinates"), vertices);
		if (vertices.isEmpty()) {
			return message("card.pilot.ends", locale, ends);
		}
		NumberFormat degrees = NumberFormat.getNumberInstance(locale);
		degrees.setMaximumFractionDigits(4);
		double lon = vertices.stream().mapToDouble(v -> v[0]).average().orElse(0);
		double lat = vertices.stream().mapToDouble(v -> v[1]).average().orElse(0);
		return message("card.pilot.area", locale, vertices.size(), degrees.format(lat), degrees.format(lon), ends);
	}

	/** The positions of a GeoJSON Polygon's or MultiPolygon's coordinates, the closing one of each ring left out. */
	private static void vertices(Object coordinates, List<double[]> into) {
		if (!(coordinates instanceof List<?> list) || list.isEmpty()) {
			return;
		}
		if (list.get(0) instanceof Number) {
			if (list.size() >= 2 && list.get(1) instanceof Number) {
				into.add(new double[] { ((Number) list.get(0)).doubleValue(), ((Number) list.get(1)).doubleValue() });
			}
			return;
		}
		boolean ring = list.get(0) instanceof List<?> first && !first.isEmpty() && first.get(0) instanceof Number;
		int size = ring && list.size() > 1 && list.get(0).equals(list.get(list.size() - 1)) ? list.size() - 1
				: list.size();
		for (int i = 0; i < size; i++) {
			vertices(list.get(i), into);
		}
	}

	private String consultation(Declaration.Consultation consultation, Locale locale) {
		return consultation == null ? null : message("card.consultation.dates", locale,
				time(consultation.opensAt(), locale), time(consultation.closesAt(), locale));
	}

	/** A link when the text is a web address or an e-mail address; else text only. */
	static Card.Link link(String text) {
		String value = text == null ? "" : text.strip();
		String lower = value.toLowerCase(Locale.ROOT);
		if ((lower.startsWith("https://") || lower.startsWith("http://")) && !value.contains(" ")) {
			return new Card.Link(value, value);
		}
		if (value.matches("[^@\\s:/]+@[^@\\s:/]+\\.[^@\\s:/]+")) {
			return new Card.Link(value, "mailto:" + value);
		}
		return new Card.Link(value, null);
	}

	private String message(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
