package org.cabildo.portal;

import java.text.Collator;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cabildo.indicators.District;
import org.cabildo.indicators.DistrictRegister;
import org.cabildo.participation.CityService;
import org.cabildo.participation.Demographics;
import org.cabildo.participation.ServiceAttribute;
import org.cabildo.participation.ServiceCatalogue;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.cabildo.portal.ReportFormView.Option;
import org.cabildo.portal.ReportFormView.Problem;
import org.cabildo.portal.ReportFormView.Problems;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * Puts the report form together from the city's service list and districts, and says in the
 * page's language what participation refused of a report, at the field it concerns: the one
 * gate ({@code Reports.file}) checks a report, the form only shows its answer.
 */
@Component
class ReportFormPage {

	/** Which form a token is for ({@link FormTokens}). */
	static final String FORM = "report-form";

	/** An answer's field: {@code answer[service][attribute]}. */
	private static final Pattern ANSWER = Pattern.compile("answer\\[([^\\]]+)\\]\\[([^\\]]+)\\]");

	/** The longest answers participation takes of a string and a text question, and of an address and a description. */
	private static final int MAX_STRING = 200;

	private static final int MAX_TEXT = 4000;

	private static final int MAX_ADDRESS = 500;

	private static final int MAX_EMAIL = 320;

	private final ServiceCatalogue services;

	private final DistrictRegister districts;

	private final Districts shapes;

	private final MapTiles tiles;

	private final MessageSource messages;

	private final CityTime city;

	ReportFormPage(ServiceCatalogue services, DistrictRegister districts, Districts shapes, MapTiles tiles,
			MessageSource messages, CityTime city) {
		this.services = services;
		this.districts = districts;
		this.shapes = shapes;
		this.tiles = tiles;
		this.messages = messages;
		this.city = city;
	}

	/** Whether the page's policy must let images come from a street map's host. */
	MapTiles tiles() {
		return tiles;
	}

	/** The form with what was typed (nothing for a fresh one) and its problems. */
	ReportFormView view(Language language, ReportForm form, MultiValueMap<String, String> typed, String issued,
			Problems problems) {
		Locale locale = language.locale();
		List<ReportFormView.Service> offered = new ArrayList<>();
		List<CityService> all = services.all();
		for (int s = 0; s < all.size(); s++) {
			CityService service = all.get(s);
			List<ReportFormView.Question> questions = new ArrayList<>();
			for (int a = 0; a < service.attributes().size(); a++) {
				questions.add(question(service, service.attributes().get(a), questionId(s, a), typed, problems, locale));
			}
			offered.add(new ReportFormView.Service("service-" + s, service.code(), service.name(), service.description(),
					service.code().equals(form.service()), questions));
		}
		Collator names = Collator.getInstance(locale);
		List<Option> places = districts.all()
			.stream()
			.sorted(Comparator.comparing(District::name, names))
			.map(d -> new Option(d.id(), d.name(), d.id().equals(form.district())))
			.toList();
		// The districts frame the map (and name where a pin falls): without them there is nothing to place a pin in.
		ReportFormView.MapLayers map = shapes.any() ? new ReportFormView.MapLayers("/map/districts.geojson",
				shapes.attribution(), tiles.template(), tiles.attribution()) : null;
		return new ReportFormView(issued, offered, places, form.description(), form.address(), form.lat(), form.lon(),
				form.email(), options(Demographics.GENDERS, "participation.gender.", form.gender(), locale),
				options(Demographics.AGE_BANDS, "participation.age.", form.ageBand(), locale), problems, map);
	}

	/**
	 * The answers to the chosen service's questions, by attribute code; the other services'
	 * fields (which the form shows without the script) are left aside. A date and time typed
	 * without an offset (the browser's datetime-local) is taken in the city's time zone.
	 */
	Map<String, List<String>> answers(String serviceCode, MultiValueMap<String, String> typed) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		CityService service = serviceCode == null ? null : services.byCode(serviceCode.trim()).orElse(null);
		if (service == null) {
			return answers;
		}
		typed.forEach((name, values) -> {
			Matcher field = ANSWER.matcher(name);
			if (field.matches() && field.group(1).equals(service.code())) {
				ServiceAttribute attribute = service.attribute(field.group(2)).orElse(null);
				answers.put(field.group(2), values.stream().map(v -> attribute != null
						&& attribute.datatype() == ServiceAttribute.Datatype.DATETIME ? withOffset(v) : v).toList());
			}
		});
		return answers;
	}

	/** A problem of the form as a whole, in the page's language. */
	Problems problem(String key, Locale locale, Object... arguments) {
		return new Problems(List.of(new Problem("form", messages.getMessage(key, arguments, locale))));
	}

	/**
	 * What participation refused, at the field of the form it concerns, in the page's language.
	 * Participation names the field as its Open311 argument; a refusal the form cannot place is
	 * the form's.
	 */
	Problems refused(ApiException e, ReportForm form, MultiValueMap<String, String> typed, Locale locale) {
		String field = String.valueOf(e.details().get("field"));
		Problem problem = switch (field) {
			case "service_code" -> problem("service", "participation.form.service.invalid", locale);
			case "district" -> problem("district", "participation.form.district.invalid", locale);
			case "lat", "long" -> blank(form.lat()) && blank(form.lon())
					? problem("where", "participation.form.location.required", locale)
					: problem("where", "participation.form.location.outside", locale);
			case "address_string" -> problem("address", "participation.form.address.too-long", locale, MAX_ADDRESS);
			case "description" -> problem("description", "participation.form.description.too-long", locale, MAX_TEXT);
			case "email" -> form.email() != null && form.email().strip().length() > MAX_EMAIL
					? problem("email", "participation.form.email.too-long", locale, MAX_EMAIL)
					: problem("email", "participation.form.email.invalid", locale);
			case "gender", "ageBand" -> problem(field, "participation.form.said.invalid", locale);
			default -> answer(field, form, typed, locale);
		};
		return new Problems(List.of(problem));
	}

	/** A refused answer, at its question: required, or not of the question's kind. */
	private Problem answer(String field, ReportForm form, MultiValueMap<String, String> typed, Locale locale) {
		Matcher attribute = Pattern.compile("attribute\\[(.+)\\]").matcher(field);
		List<CityService> all = services.all();
		for (int s = 0; attribute.matches() && s < all.size(); s++) {
			CityService service = all.get(s);
			if (!service.code().equals(form.service() == null ? null : form.service().trim())) {
				continue;
			}
			for (int a = 0; a < service.attributes().size(); a++) {
				ServiceAttribute asked = service.attributes().get(a);
				if (asked.code().equals(attribute.group(1))) {
					String value = typed.getFirst(answerName(service, asked));
					return problem(questionId(s, a), answerProblem(asked, value), locale,
							asked.datatype() == ServiceAttribute.Datatype.TEXT ? MAX_TEXT : MAX_STRING);
				}
			}
		}
		return problem("form", "participation.form.invalid", locale);
	}

	private static String answerProblem(ServiceAttribute attribute, String value) {
		if (blank(value)) {
			return "participation.form.answer.required";
		}
		return switch (attribute.datatype()) {
			case NUMBER -> "participation.form.answer.number";
			case DATETIME -> "participation.form.answer.datetime";
			case SINGLEVALUELIST, MULTIVALUELIST -> "participation.form.answer.choice";
			case STRING, TEXT -> "participation.form.answer.too-long";
		};
	}

	private ReportFormView.Question question(CityService service, ServiceAttribute attribute, String id,
			MultiValueMap<String, String> typed, Problems problems, Locale locale) {
		String name = answerName(service, attribute);
		String value = typed.getFirst(name);
		List<Option> options = List.of();
		String type = switch (attribute.datatype()) {
			case NUMBER -> "number";
			case DATETIME -> "datetime-local";
			case SINGLEVALUELIST, MULTIVALUELIST -> "select";
			case STRING, TEXT -> "text";
		};
		if (attribute.datatype().isList()) {
			options = new ArrayList<>();
			options.add(new Option("", messages.getMessage("participation.form.choose", null, locale), blank(value)));
			for (ServiceAttribute.Value allowed : attribute.values()) {
				options.add(new Option(allowed.key(), allowed.name(), allowed.key().equals(value)));
			}
		}
		return new ReportFormView.Question(id, name, attribute.description(), attribute.required(), type,
				attribute.datatypeDescription(), value, options, problems.of(id));
	}

	private List<Option> options(List<String> values, String prefix, String chosen, Locale locale) {
		List<Option> options = new ArrayList<>();
		options.add(new Option("", messages.getMessage("participation.form.not-said", null, locale), blank(chosen)));
		for (String value : values) {
			options.add(new Option(value, messages.getMessage(prefix + value, null, locale), value.equals(chosen)));
		}
		return options;
	}

	private Problem problem(String field, String key, Locale locale, Object... arguments) {
		return new Problem(field, messages.getMessage(key, arguments, locale));
	}

	/** {@code 2024-05-01T08:30} as the city's clocks showed it, with their offset then; anything else as typed. */
	private String withOffset(String typed) {
		try {
			return LocalDateTime.parse(typed.strip()).atZone(city.zone()).toOffsetDateTime().toString();
		}
		catch (DateTimeParseException e) {
			return typed;
		}
	}

	private static String answerName(CityService service, ServiceAttribute attribute) {
		return "answer[" + service.code() + "][" + attribute.code() + "]";
	}

	/** A question's field id: by position, as codes may hold what an id may not. */
	private static String questionId(int service, int attribute) {
		return "q-" + service + "-" + attribute;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
