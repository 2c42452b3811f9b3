package org.cabildo.portal;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cabildo.governance.Ledger;
import org.cabildo.platform.CityTime;
import org.springframework.context.MessageSource;

/**
 * How the transparency and audit pages write the ledger's numbers, times, months and
 * verifications: in the page's language, times in the city's time zone.
 */
final class LedgerWriting {

	private final Locale locale;

	private final CityTime city;

	private final MessageSource messages;

	private final NumberFormat numbers;

	private final DateTimeFormatter times;

	LedgerWriting(Language language, CityTime city, MessageSource messages) {
		this.locale = language.locale();
		this.city = city;
		this.messages = messages;
		this.numbers = NumberFormat.getIntegerInstance(locale);
		this.times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM).withLocale(locale);
	}

	String number(long value) {
		return numbers.format(value);
	}

	/** An entry's number, as the API and the chain name it: an identifier, not grouped ("1852"). */
	static String seq(long seq) {
		return Long.toString(seq);
	}

	/** An instant as the city's clocks show it; empty for none. */
	String time(Instant instant) {
		return instant == null ? "" : times.format(city.local(instant));
	}

	/** A month of the city's calendar ({@code yyyy-MM}) by its name: "mayo 2024". */
	String month(YearMonth month) {
		return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
	}

	String shortMonth(YearMonth month) {
		return DateTimeFormatter.ofPattern("LLL", locale).format(month);
	}

	String zone() {
		return city.name();
	}

	YearMonth thisMonth(Instant now) {
		return YearMonth.from(city.local(now));
	}

	/** A duration in its two largest units: "2 d 3 h", "5 h 12 min", "40 s". */
	String duration(Duration duration) {
		long seconds = duration.toSeconds();
		long[] amounts = { seconds / 86_400, seconds % 86_400 / 3_600, seconds % 3_600 / 60, seconds % 60 };
		String[] units = { "days", "hours", "minutes", "seconds" };
		int first = 0;
		while (first < amounts.length - 1 && amounts[first] == 0) {
			first++;
		}
		String written = say("transparency.duration." + units[first], number(amounts[first]));
		if (first < amounts.length - 1 && amounts[first + 1] > 0) {
			written += " " + say("transparency.duration." + units[first + 1], number(amounts[first + 1]));
		}
		return written;
	}

	String say(String key, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	/** A verification in words: whether the chain holds, and if not, where. */
	Verified verified(Ledger.Check check) {
		List<String> findings = new ArrayList<>();
		List<String> details = new ArrayList<>();
		if (check.firstBroken() != null) {
			Ledger.Broken broken = check.firstBroken();
			findings.add(say("transparency.problem." + broken.problem(), seq(broken.seq())));
			details.add(broken.detail());
		}
		if (check.firstAltered() != null) {
			Ledger.Altered altered = check.firstAltered();
			findings.add(altered.seq() != null ? say("transparency.altered.exact", seq(altered.seq()))
					: say("transparency.altered.between", seq(altered.intactUpTo() + 1), seq(altered.atOrBefore())));
			details.add(altered.detail());
		}
		if (check.firstInvalidCheckpoint() != null) {
			findings.add(say("transparency.checkpoint.invalid", seq(check.firstInvalidCheckpoint().seq())));
			details.add(check.firstInvalidCheckpoint().problem());
		}
		for (Ledger.OutsideCheckpoint outside : check.outside()) {
			if (!outside.holds()) {
				findings.add(say("transparency.checkpoint.outside-invalid"));
				details.add(outside.problem());
			}
		}
		String status = check.valid() ? say("transparency.verified.valid") : say("transparency.verified.broken");
		return new Verified(check.valid(), status, number(check.entries()), number(check.checkpoints()),
				time(check.checkedAt()), findings, details.stream().filter(d -> d != null && !d.isBlank()).toList());
	}

	/**
	 * A verification as a page shows it.
	 *
	 * @param status whether the chain holds, in a sentence
	 * @param entries how many entries were recomputed
	 * @param checkpoints how many signed checkpoints were checked
	 * @param checkedAt when it began, in the city's time
	 * @param findings what does not hold, in the page's language
	 * @param details the same as the verifier says it, in English
	 */
	record Verified(boolean valid, String status, String entries, String checkpoints, String checkedAt,
			List<String> findings, List<String> details) {
	}

}
