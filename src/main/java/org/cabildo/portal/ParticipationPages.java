package org.cabildo.portal;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.cabildo.indicators.District;
import org.cabildo.indicators.DistrictRegister;
import org.cabildo.participation.CityService;
import org.cabildo.participation.ParticipationEquity;
import org.cabildo.participation.ParticipationFigures;
import org.cabildo.participation.Report;
import org.cabildo.participation.ReportNote;
import org.cabildo.participation.ReportQuery;
import org.cabildo.participation.Reports;
import org.cabildo.participation.ServiceAttribute;
import org.cabildo.participation.ServiceCatalogue;
import org.cabildo.participation.WhoIsHeard;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Puts the pages of residents' reports together from participation's public answers: a report, the
 * list of reports, and who takes part. Nothing of who filed a report is read, but the signed-in
 * reader's own id for their own list.
 */
@Component
class ParticipationPages {

	/** The most reports one page lists. */
	static final int PAGE_SIZE = 50;

	/** The furthest page one may ask for: further is a request no one makes by following the links. */
	static final int MAX_PAGE = 10_000;

	/** How far back who is heard looks, in days (as the API by default). */
	static final int HEARD_DAYS = 365;

	/** How far back what residents said of themselves looks, in months (as the API by default). */
	static final int SAID_MONTHS = 12;

	private final Reports reports;

	private final ServiceCatalogue services;

	private final DistrictRegister districts;

	private final ParticipationFigures figures;

	private final MessageSource messages;

	private final CityTime city;

	private final Clock clock;

	ParticipationPages(Reports reports, ServiceCatalogue services, DistrictRegister districts,
			ParticipationFigures figures, MessageSource messages, CityTime city, Clock clock) {
		this.reports = reports;
		this.services = services;
		this.districts = districts;
		this.figures = figures;
		this.messages = messages;
		this.city = city;
		this.clock = clock;
	}

	/**
	 * A report's page.
	 *
	 * @throws ApiException 404 when there is none, or it was hidden
	 */
	ReportPage report(long id, Language language) {
		Locale locale = language.locale();
		Report report = reports.byId(id);
		Optional<CityService> service = services.byCode(report.serviceCode());
		List<ReportPage.Answer> answers = new ArrayList<>();
		service.ifPresent(s -> s.attributes().forEach(attribute -> {
			Object given = report.attributes().get(attribute.code());
			if (given != null) {
				answers.add(new ReportPage.Answer(attribute.description(), answer(attribute, given)));
			}
		}));
		List<ReportPage.Note> notes = reports.notes(id)
			.stream()
			.map((ReportNote note) -> new ReportPage.Note(time(note.at(), locale), status(note.status(), locale),
					note.text(), note.author()))
			.toList();
		Report.Times times = report.times();
		Instant answeredOrNow = times.answered() == null ? clock.instant() : times.answered();
		boolean late = times.expected() != null && answeredOrNow.isAfter(times.expected());
		Report.Place place = report.place();
		String point = place.lat() == null ? null : degrees(place.lat()) + ", " + degrees(place.lon());
		return new ReportPage(report.id(), service.map(CityService::name).orElse(report.serviceCode()),
				service.map(CityService::description).orElse(null), status(report.status().label(), locale),
				report.status() == Report.Status.OPEN, report.description(), districtName(place.district()),
				place.district(), place.address(), point, report.agency(), time(times.requested(), locale),
				times.expected() == null ? null : time(times.expected(), locale),
				times.answered() == null ? null : time(times.answered(), locale), late,
				times.closed() == null ? null : time(times.closed(), locale), answers, notes, report.duplicateOf());
	}

	/**
	 * A page of the list of reports, newest first.
	 *
	 * @param person the signed-in reader's own id when they asked for their own, else null
	 * @param askedForMine whether the reader asked for their own ({@code ?mine=1})
	 * @throws ApiException 400 for a district or status the list does not know, or a page out of range
	 */
	ReportList list(Language language, String district, String status, int page, Long person, boolean askedForMine,
			boolean signedIn) {
		Locale locale = language.locale();
		String chosenDistrict = blank(district) ? null : district.strip();
		String chosenStatus = blank(status) ? null : status.strip();
		Map<String, String> names = districtNames();
		if (chosenDistrict != null && !names.containsKey(chosenDistrict)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "district: not one of the city's").with("parameter",
					"district");
		}
		if (chosenStatus != null && Report.Status.of(chosenStatus).isEmpty()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "status: open or closed").with("parameter", "status");
		}
		if (page < 1 || page > MAX_PAGE) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "page: from 1 to " + MAX_PAGE).with("parameter", "page");
		}
		List<ReportList.Option> districtOptions = new ArrayList<>();
		districtOptions.add(new ReportList.Option("", text("participation.reports.district.any", locale),
				chosenDistrict == null));
		names.forEach((id, name) -> districtOptions.add(new ReportList.Option(id, name, id.equals(chosenDistrict))));
		List<ReportList.Option> statusOptions = new ArrayList<>();
		statusOptions.add(new ReportList.Option("", text("participation.reports.status.any", locale),
				chosenStatus == null));
		for (Report.Status each : Report.Status.values()) {
			statusOptions.add(new ReportList.Option(each.label(), status(each.label(), locale),
					each.label().equals(chosenStatus)));
		}
		boolean signInForMine = askedForMine && person == null;
		List<Report> found = signInForMine ? List.of()
				: reports.list(new ReportQuery(null, null, chosenStatus == null ? null : List.of(chosenStatus),
						chosenDistrict == null ? null : List.of(chosenDistrict), person, null, null,
						(page - 1) * PAGE_SIZE, PAGE_SIZE + 1));
		boolean more = found.size() > PAGE_SIZE;
		List<ReportList.Row> rows = found.stream()
			.limit(PAGE_SIZE)
			.map(r -> new ReportList.Row(r.id(), services.byCode(r.serviceCode()).map(CityService::name)
				.orElse(r.serviceCode()), status(r.status().label(), locale),
					r.place().district() == null ? text("participation.report.in-no-district", locale)
							: names.getOrDefault(r.place().district(), r.place().district()),
					time(r.times().requested(), locale)))
			.toList();
		NumberFormat integers = NumberFormat.getIntegerInstance(locale);
		String range = rows.isEmpty() ? "" : integers.format((long) (page - 1) * PAGE_SIZE + 1) + "–"
				+ integers.format((long) (page - 1) * PAGE_SIZE + rows.size());
		boolean mine = askedForMine && person != null;
		return new ReportList(askedForMine, signInForMine, signedIn, districtOptions, statusOptions, rows, range,
				page > 1 ? address(chosenDistrict, chosenStatus, mine, page - 1) : null,
				more ? address(chosenDistrict, chosenStatus, mine, page + 1) : null);
	}

	/** Who takes part: the last {@value #HEARD_DAYS} days of reports, the last {@value #SAID_MONTHS} months of what was said. */
	WhoTakesPart whoTakesPart(Language language) {
		Locale locale = language.locale();
		LocalDate last = city.today(clock);
		LocalDate first = last.minusDays(HEARD_DAYS - 1);
		WhoIsHeard.Answer answer = heardOver(first, last);
		List<WhoTakesPart.Heard> rows = answer.districts()
			.stream()
			.sorted(Comparator.comparing(WhoIsHeard.DistrictParticipation::name,
					java.text.Collator.getInstance(locale)))
			.map(d -> heard(d, d.name(), locale))
			.toList();
		YearMonth lastMonth = YearMonth.from(last);
		YearMonth firstMonth = lastMonth.minusMonths(SAID_MONTHS - 1);
		ParticipationEquity.Answer said = figures.said("all", firstMonth.atDay(1), lastMonth.atDay(1));
		DateTimeFormatter days = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		DateTimeFormatter months = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
		Object[] period = { months.format(firstMonth), months.format(lastMonth) };
		List<WhoTakesPart.Table> tables = List.of(
				table("by-gender", messages.getMessage("participation.equity.by-gender", period, locale), said.byGender(),
						"participation.gender.", said.threshold(), locale),
				table("by-age-band", messages.getMessage("participation.equity.by-age", period, locale),
						said.byAgeBand(), "participation.age.", said.threshold(), locale));
		boolean anySaid = anything(said.byGender()) || anything(said.byAgeBand());
		return new WhoTakesPart(days.format(first), days.format(last), rows,
				heard(answer.city(), text("participation.heard.city", locale), locale), answer.unplaced(), tables,
				anySaid, said.threshold());
	}

	/**
	 * One district's figures of who is heard over the last {@value #HEARD_DAYS} days, beside the
	 * city's (the same answer as {@code /participation}'s); empty when the district is not in it.
	 */
	Optional<WhoTakesPart.InDistrict> heardIn(String district, Language language) {
		Locale locale = language.locale();
		LocalDate last = city.today(clock);
		LocalDate first = last.minusDays(HEARD_DAYS - 1);
		WhoIsHeard.Answer answer = heardOver(first, last);
		DateTimeFormatter days = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		return answer.districts()
			.stream()
			.filter(d -> d.district().equals(district))
			.findFirst()
			.map(d -> new WhoTakesPart.InDistrict(days.format(first), days.format(last), heard(d, d.name(), locale),
					heard(answer.city(), text("participation.heard.city", locale), locale)));
	}

	private WhoIsHeard.Answer heardOver(LocalDate first, LocalDate last) {
		return figures.heard(first.atStartOfDay(city.zone()).toInstant(),
				last.plusDays(1).atStartOfDay(city.zone()).toInstant());
	}

	/** Whether a table counts anyone: its total is more than none, or withheld (which it is only when more). */
	private static boolean anything(ParticipationEquity.Table table) {
		ParticipationEquity.Cell total = table.city().total();
		return total.suppressed() || total.count() != null && total.count() > 0;
	}

	private WhoTakesPart.Heard heard(WhoIsHeard.DistrictParticipation d, String name, Locale locale) {
		NumberFormat integers = NumberFormat.getIntegerInstance(locale);
		NumberFormat one = NumberFormat.getNumberInstance(locale);
		one.setMinimumFractionDigits(1);
		one.setMaximumFractionDigits(1);
		NumberFormat percent = NumberFormat.getPercentInstance(locale);
		String none = text("participation.heard.no-value", locale);
		return new WhoTakesPart.Heard(d.district(), name, d.population() == null ? none : integers.format(d.population()),
				integers.format(d.reports()), d.reportsPer100k() == null ? none : one.format(d.reportsPer100k()),
				d.answeredShare() == null ? none : percent.format(d.answeredShare()),
				d.medianHoursToAnswer() == null ? none : one.format(d.medianHoursToAnswer()), integers.format(d.open()),
				integers.format(d.proposals()), d.proposalsPer100k() == null ? none : one.format(d.proposalsPer100k()),
				integers.format(d.supports()));
	}

	/** A table of what was said, a withheld count written as such (never as a number). */
	private WhoTakesPart.Table table(String id, String caption, ParticipationEquity.Table said, String prefix,
			long threshold, Locale locale) {
		List<String> categories = said.categories().stream().map(c -> text(prefix + c, locale)).toList();
		List<WhoTakesPart.Line> rows = said.districts()
			.stream()
			.map(row -> line(row, row.district() == null ? text("participation.equity.in-no-district", locale)
					: row.name(), threshold, locale))
			.sorted(Comparator.comparing(WhoTakesPart.Line::name, java.text.Collator.getInstance(locale)))
			.toList();
		return new WhoTakesPart.Table(id, caption, categories, rows,
				line(said.city(), text("participation.heard.city", locale), threshold, locale));
	}

	private WhoTakesPart.Line line(ParticipationEquity.Row row, String name, long threshold, Locale locale) {
		List<WhoTakesPart.Cell> cells = row.cells().stream().map(c -> cell(c, threshold, locale)).toList();
		return new WhoTakesPart.Line(name, cells, cell(row.total(), threshold, locale));
	}

	private WhoTakesPart.Cell cell(ParticipationEquity.Cell cell, long threshold, Locale locale) {
		if (cell.suppressed() || cell.count() == null) {
			return new WhoTakesPart.Cell(messages.getMessage("participation.equity.suppressed",
					new Object[] { threshold }, locale), true);
		}
		return new WhoTakesPart.Cell(NumberFormat.getIntegerInstance(locale).format(cell.count()), false);
	}

	/** The districts' names by code, in the order of their names. */
	private Map<String, String> districtNames() {
		return districts.all()
			.stream()
			.sorted(Comparator.comparing(District::name))
			.collect(Collectors.toMap(District::id, District::name, (a, b) -> a, LinkedHashMap::new));
	}

	private String districtName(String code) {
		return code == null ? null : districts.byId(code).map(District::name).orElse(code);
	}

	/** A list answer by its name; several (a multivaluelist) joined; any other as given. */
	private static String answer(ServiceAttribute attribute, Object given) {
		Collection<?> values = given instanceof Collection<?> many ? many : List.of(given);
		return values.stream()
			.map(String::valueOf)
			.map(value -> attribute.values()
				.stream()
				.filter(v -> v.key().equals(value))
				.map(ServiceAttribute.Value::name)
				.findFirst()
				.orElse(value))
			.collect(Collectors.joining(", "));
	}

	private static String address(String district, String status, boolean mine, int page) {
		UriComponentsBuilder address = UriComponentsBuilder.fromPath("/reports");
		if (mine) {
			address.queryParam("mine", "1");
		}
		if (district != null) {
			address.queryParam("district", district);
		}
		if (status != null) {
			address.queryParam("status", status);
		}
		return address.queryParam("page", page).encode().build().toUriString();
	}

	private String status(String label, Locale locale) {
		return text("participation.status." + label, locale);
	}

	/** An instant as the city's clocks showed it, in the page's language. */
	private String time(Instant instant, Locale locale) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.format(city.local(instant));
	}

	/** Degrees as maps and GPS write them, with a point whatever the page's language (a comma separates the two). */
	private static String degrees(double value) {
		return String.format(Locale.ROOT, "%.5f", value);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
