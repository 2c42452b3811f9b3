package org.cabildo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.LongPredicate;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How {@code bench participation} checks an answer to GET requests.json: an answer made as the
 * server makes it passes, and each kind of wrong answer is caught.
 */
class ReportFilterTest {

	private static final Instant NOW = Instant.now();

	private final ReportsDataset data = ReportsDataset.plan(20_000, 7, NOW);

	@Test
	void theDatasetIsInFilingOrderWithAboutThirtyPercentClosed() {
		long closed = 0;
		for (long id = 1; id <= data.reports(); id++) {
			if (id > 1 && data.requestedMillis(id) < data.requestedMillis(id - 1)) {
				throw new AssertionError("report " + id + " filed before " + (id - 1));
			}
			closed += data.closed(id) ? 1 : 0;
		}
		assertThat(closed / (double) data.reports()).isBetween(0.25, 0.35);
		assertThat(data.requestedMillis(1)).isGreaterThanOrEqualTo(data.from().toEpochMilli());
		assertThat(data.requestedMillis(data.reports())).isLessThan(data.until().toEpochMilli());
	}

	@Test
	void aWeekAsTheServerAnswersItPasses() {
		ReportFilter.Asked week = week();
		assertThatCode(() -> ReportFilter.verify(week, answer(inWeek(week), 1000), data)).doesNotThrowAnyException();
	}

	@Test
	void aHiddenReportIsCaught() {
		ReportFilter.Asked week = week();
		// a hidden report of the week, at its place in time
		long hidden = firstHiddenIn(week);
		ArrayNode wrong = answer(id -> inWeek(week).test(id) || id == hidden, 1000);
		assertThatThrownBy(() -> ReportFilter.verify(week, wrong, data)).hasMessageContaining("hidden");
	}

	@Test
	void oldestFirstIsCaught() {
		ReportFilter.Asked week = week();
		ArrayNode answer = answer(inWeek(week), 1000);
		ArrayNode reversed = JsonMapper.shared().createArrayNode();
		for (int i = answer.size() - 1; i >= 0; i--) {
			reversed.add(answer.get(i));
		}
		assertThatThrownBy(() -> ReportFilter.verify(week, reversed, data)).hasMessageContaining("newest first");
	}

	@Test
	void aRowNotAsLoadedIsCaught() {
		ReportFilter.Asked week = week();
		ArrayNode answer = answer(inWeek(week), 1000);
		ObjectNode row = (ObjectNode) answer.get(3);
		row.put("status", row.path("status").asString().equals("open") ? "closed" : "open");
		assertThatThrownBy(() -> ReportFilter.verify(week, answer, data)).hasMessageContaining("loaded the other way");
	}

	@Test
	void aShortAnswerIsCaught() {
		ReportFilter.Asked week = week();
		ArrayNode answer = answer(inWeek(week), 1000);
		answer.remove(answer.size() - 1);
		assertThatThrownBy(() -> ReportFilter.verify(week, answer, data)).hasMessageContaining("expected");
	}

	@Test
	void anOpenQueueWithAClosedReportIsCaught() {
		String code = data.serviceCode(1);
		ReportFilter.Asked asked = new ReportFilter.Asked(ReportFilter.SERVICE_OPEN, ReportFilter.PATH, code, 0, 0,
				List.of(), NOW.toEpochMilli());
		long since = NOW.minus(Duration.ofDays(90)).toEpochMilli();
		LongPredicate queue = id -> !ReportsDataset.hidden(id) && data.requestedMillis(id) >= since
				&& data.serviceCode(id).equals(code) && !data.closed(id);
		assertThatCode(() -> ReportFilter.verify(asked, answer(queue, 1000), data)).doesNotThrowAnyException();
		long closed = data.reports();
		while (!(data.closed(closed) && data.serviceCode(closed).equals(code) && !ReportsDataset.hidden(closed))) {
			closed--;
		}
		long wrong = closed;
		assertThatThrownBy(() -> ReportFilter.verify(asked, answer(id -> queue.test(id) || id == wrong, 1000), data))
			.hasMessageContaining("asked " + code + " open");
	}

	@Test
	void idsMustBeExactlyThoseAsked() {
		List<Long> ids = List.of(5L, 17L, 230L, 4_001L, 19_999L);
		ReportFilter.Asked asked = new ReportFilter.Asked(ReportFilter.IDS, ReportFilter.PATH, null, 0, 0, ids,
				NOW.toEpochMilli());
		assertThatCode(() -> ReportFilter.verify(asked, answer(ids::contains, 1000), data)).doesNotThrowAnyException();
		assertThatThrownBy(() -> ReportFilter.verify(asked, answer(id -> ids.contains(id) && id != 230, 1000), data))
			.hasMessageContaining("asked");
	}

	private ReportFilter.Asked week() {
		// a week around report 6,000, which is hidden
		Instant from = Instant.ofEpochMilli(data.requestedMillis(6_000))
			.minus(Duration.ofDays(3))
			.truncatedTo(ChronoUnit.SECONDS);
		Instant to = from.plus(Duration.ofDays(7));
		return new ReportFilter.Asked(ReportFilter.WEEK, ReportFilter.PATH, null, from.toEpochMilli(), to.toEpochMilli(),
				List.of(), NOW.toEpochMilli());
	}

	private LongPredicate inWeek(ReportFilter.Asked week) {
		return id -> !ReportsDataset.hidden(id) && data.requestedMillis(id) >= week.from()
				&& data.requestedMillis(id) <= week.to();
	}

	private long firstHiddenIn(ReportFilter.Asked week) {
		for (long id = data.reports(); id >= 1; id--) {
			if (ReportsDataset.hidden(id) && data.requestedMillis(id) >= week.from()
					&& data.requestedMillis(id) <= week.to()) {
				return id;
			}
		}
		throw new AssertionError("no hidden report in the week");
	}

	/**
	 * What the server answers: the reports the predicate takes, newest first, at most {@code limit},
	 * times to the second in the city's offset.
	 */
	private ArrayNode answer(LongPredicate takes, int limit) {
		ArrayNode answer = JsonMapper.shared().createArrayNode();
		for (long id = data.reports(); id >= 1 && answer.size() < limit; id--) {
			if (!takes.test(id)) {
				continue;
			}
			ObjectNode row = answer.addObject();
			row.put("service_request_id", Long.toString(id));
			row.put("status", data.closed(id) ? "closed" : "open");
			row.put("service_code", data.serviceCode(id));
			row.put("requested_datetime", Instant.ofEpochMilli(data.requestedMillis(id))
				.truncatedTo(ChronoUnit.SECONDS)
				.atOffset(ZoneOffset.ofHours(-6))
				.toString());
		}
		return answer;
	}

}
