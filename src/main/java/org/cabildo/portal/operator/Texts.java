package org.cabildo.portal.operator;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.cabildo.portal.Language;
import org.springframework.context.MessageSource;

/** The words, times and numbers of one page, in its language and the city's time zone. */
record Texts(MessageSource messages, Language language, CityTime city) {

	static Texts of(MessageSource messages, Locale locale, CityTime city) {
		return new Texts(messages, Language.of(locale), city);
	}

	String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, language.locale());
	}

	/** A problem the form itself found, in the page's language. */
	Problem problem(String key, Object... arguments) {
		return new Problem(text(key, arguments), null);
	}

	/** A refusal of the API, introduced in the page's language and said in its own words. */
	Problem refusal(ApiException refusal) {
		String rule = refusal.details().get("rule") instanceof String named ? named : null;
		String known = rule == null ? null
				: messages.getMessage("operator.rule." + rule, null, null, language.locale());
		return new Problem(known != null ? known : text("operator.refused.api"), refusal.getMessage());
	}

	/** A time in the city's zone, as the page's language writes it; a dash for none. */
	String time(Instant instant) {
		if (instant == null) {
			return "—";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(language.locale())
			.format(city.local(instant));
	}

	/** A coordinate, as the page's language writes numbers, to a tenth of a metre or so. */
	String coordinate(Double degrees) {
		if (degrees == null) {
			return "—";
		}
		NumberFormat format = NumberFormat.getNumberInstance(language.locale());
		format.setMaximumFractionDigits(6);
		return format.format(degrees);
	}

	String number(long count) {
		return NumberFormat.getIntegerInstance(language.locale()).format(count);
	}

}
