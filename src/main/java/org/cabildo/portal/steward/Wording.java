package org.cabildo.portal.steward;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.cabildo.portal.Language;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/**
 * Says the services' refusals in the page's language. The API words them in English; where it
 * names what was refused in a stable way (the {@code rule} of a refusal or of each problem of a
 * declaration, else the {@code pointer} of the field), the console has its own words for it
 * ({@code steward.rule.*}, {@code steward.pointer.*}); anything else stays in the API's words.
 */
@Component
public class Wording {

	private final MessageSource messages;

	private final CityTime city;

	Wording(MessageSource messages, CityTime city) {
		this.messages = messages;
		this.city = city;
	}

	/** A label of the console's bundle. */
	public String label(String key, Language language, Object... args) {
		return messages.getMessage(key, args, language.locale());
	}

	/**
	 * A refusal in the page's language: by its rule, else by the field it points at, else in the
	 * API's words. {@code args} fill the console's sentence for the rule (what the page knows: a
	 * stage, a date), after what the refusal itself says (how many objections, what a change removes).
	 */
	public Said said(ApiException e, Language language, Object... args) {
		Map<String, Object> details = e.details();
		String rule = details.get("rule") instanceof String text ? text : null;
		String pointer = details.get("pointer") instanceof String text ? text : null;
		Object[] filled = switch (rule == null ? "" : rule) {
			case "retention-removes" -> new Object[] { details.get("removes"), date(details.get("olderThan"), language) };
			case "objections-answered" -> new Object[] { details.get("open") };
			default -> args;
		};
		Optional<String> ours = rule != null ? message("steward.rule." + rule, filled, language)
				: pointer != null ? message("steward.pointer." + field(pointer), args, language) : Optional.empty();
		return new Said(ours.orElse(e.getMessage()), ours.isPresent(), e.getMessage());
	}

	/**
	 * Every problem of a refusal at the form's field it points at, in the page's language. A
	 * declaration's refusal lists its problems; any other points at one field or none (then it is
	 * the form's). {@code value} gives what the form sent at a pointer, for the sentences that say it;
	 * {@code args} fill the sentence of a refusal that points at no field (as {@link #said}).
	 */
	@SuppressWarnings("unchecked")
	public FieldProblems problems(ApiException e, Language language, Function<String, Object> value,
			Object... args) {
		List<FieldProblems.Problem> problems = new ArrayList<>();
		if (e.details().get("problems") instanceof List<?> listed) {
			for (Object each : listed) {
				Map<String, Object> problem = (Map<String, Object>) each;
				String pointer = String.valueOf(problem.get("pointer"));
				String english = String.valueOf(problem.get("problem"));
				String text = problem.get("rule") instanceof String rule
						? message("steward.rule." + rule, new Object[] { value.apply(pointer) }, language).orElse(english)
						: english;
				problems.add(new FieldProblems.Problem(pointer, field(pointer), text));
			}
			return new FieldProblems(problems);
		}
		String pointer = e.details().get("pointer") instanceof String text ? text : null;
		Said said = said(e, language, pointer == null ? args : new Object[] { value.apply(pointer) });
		problems.add(new FieldProblems.Problem(pointer, pointer == null ? FieldProblems.FORM : field(pointer), said.text()));
		return new FieldProblems(problems);
	}

	/**
	 * The form field a JSON pointer names: its steps without indexes, joined in camel case
	 * ({@code /retention/duration} is {@code retentionDuration}, {@code /sharing/2/purposes} is
	 * {@code sharingPurposes}, {@code /purposes/3} is {@code purposes}).
	 */
	static String field(String pointer) {
		StringBuilder field = new StringBuilder();
		for (String step : pointer.split("/")) {
			if (step.isEmpty() || step.chars().allMatch(Character::isDigit)) {
				continue;
			}
			field.append(field.isEmpty() ? step : Character.toUpperCase(step.charAt(0)) + step.substring(1));
		}
		return field.isEmpty() ? FieldProblems.FORM : field.toString();
	}

	/** An instant in the page's language and the city's time zone. */
	public String time(Instant instant, Language language) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(language.locale())
			.format(city.local(instant));
	}

	/** A date in the page's language. */
	public String date(java.time.LocalDate date, Language language) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.locale()).format(date);
	}

	public String number(long number, Language language) {
		return NumberFormat.getIntegerInstance(language.locale()).format(number);
	}

	private String date(Object value, Language language) {
		try {
			return time(Instant.parse(String.valueOf(value)), language);
		}
		catch (java.time.format.DateTimeParseException e) {
			return String.valueOf(value);
		}
	}

	/**
	 * A sentence of the console's for a refusal, always formatted (with no argument too), so that
	 * these sentences write an apostrophe one way: doubled ('').
	 */
	private Optional<String> message(String key, Object[] args, Language language) {
		try {
			return Optional.of(messages.getMessage(key, args.length == 0 ? new Object[] { "" } : args,
					language.locale()));
		}
		catch (NoSuchMessageException e) {
			return Optional.empty();
		}
	}

	/**
	 * A refusal said in the page's language.
	 *
	 * @param text what the page says
	 * @param translated whether the console has its own words for it (else {@code text} is the API's, in English)
	 * @param english the API's own words
	 */
	public record Said(String text, boolean translated, String english) {
	}

}
