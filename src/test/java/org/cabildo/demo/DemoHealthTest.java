package org.cabildo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.indicators.HealthCount;
import org.cabildo.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The demo's respiratory-illness series: the file read as the demo reads it, and loaded and
 * served, checked against the shipped CSV read here on its own.
 */
@IntegrationTest
class DemoHealthTest {

	private static final Path FILE = Path
		.of("src/main/resources/demo/mexico-city/health_eti_irag_weekly_by_district_2020.csv");

	@LocalServerPort
	int port;

	@Autowired
	DemoHealth health;

	@Test
	void rowsBecomeCountsOfTheirTruePeriods() throws IOException {
		List<String[]> rows = rows();
		List<HealthCount> counts = DemoHealth.counts();
		assertThat(counts).hasSize(rows.size()).hasSize(16 * 18);
		// week 1: the season's cumulative, from epidemiological week 40 of 2019
		HealthCount first = counts.stream()
			.filter(c -> c.district().equals("09002") && c.end().equals(LocalDate.of(2020, 1, 4)))
			.findFirst()
			.orElseThrow();
		assertThat(first.start()).isEqualTo(LocalDate.of(2019, 9, 29));
		assertThat(first.cases()).isEqualTo(47);
		// week 11 covers weeks 10 and 11
		HealthCount eleven = counts.stream()
			.filter(c -> c.district().equals("09002") && c.end().equals(LocalDate.of(2020, 3, 14)))
			.findFirst()
			.orElseThrow();
		assertThat(eleven.start()).isEqualTo(LocalDate.of(2020, 3, 1));
		assertThat(eleven.cases()).isEqualTo(6);
		// the counts add up to each district's last cumulative
		Map<String, Long> last = new HashMap<>();
		rows.forEach(f -> last.put(f[0], Long.parseLong(f[6])));
		Map<String, Long> sums = new HashMap<>();
		counts.forEach(c -> sums.merge(c.district(), c.cases(), Long::sum));
		assertThat(sums).isEqualTo(last);
	}

	@Test
	void aWeekOfTheLoadedSeriesIsTheFilesWithItsSmallCountsSuppressed() throws IOException {
		health.load();
		Map<String, Long> week12 = new HashMap<>();
		for (String[] f : rows()) {
			if (f[4].equals("2020-03-15")) {
				week12.put(f[0], Long.parseLong(f[7]));
			}
		}
		assertThat(week12).hasSize(16);
		Api anonymous = Api.anonymous(port);
		JsonNode table = anonymous.get("/api/health/series/" + DemoHealth.CODE + "/districts", "from", "2020-03-15",
				"to", "2020-03-22").json();
		assertThat(table.get("periods").asInt()).isEqualTo(1);
		int suppressed = 0;
		for (JsonNode row : table.get("districts")) {
			long expected = week12.get(row.get("district").asString());
			if (row.get("suppressed").asBoolean()) {
				suppressed++;
				assertThat(row.get("cases").isNull()).isTrue();
			}
			else {
				assertThat(row.get("cases").asLong()).as(row.get("district").asString()).isEqualTo(expected);
				assertThat(expected).isGreaterThanOrEqualTo(11);
			}
			if (expected < 11) {
				assertThat(row.get("suppressed").asBoolean()).as(row.get("district").asString()).isTrue();
			}
		}
		assertThat(suppressed).isNotEqualTo(1);
		long city = week12.values().stream().mapToLong(Long::longValue).sum();
		if (!table.get("city").get("suppressed").asBoolean()) {
			assertThat(table.get("city").get("cases").asLong()).isEqualTo(city);
		}
		JsonNode weeks = anonymous.get("/api/health/series/" + DemoHealth.CODE + "/districts/09007/weeks").json();
		assertThat(weeks.get("weeks")).hasSize(18);
		assertThat(weeks.get("weeks").get(0).get("start").asString()).isEqualTo("2019-09-29");
		assertThat(weeks.get("weeks").get(9).get("start").asString()).isEqualTo("2020-03-01");
		assertThat(weeks.get("weeks").get(9).get("days").asInt()).isEqualTo(14);
		assertThat(weeks.get("series").get("source").asString()).contains("SEDESA CDMX, Informe Semanal de Influenza 2020");
	}

	private static List<String[]> rows() throws IOException {
		List<String> lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
		return lines.stream().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(",", -1)).toList();
	}

}
