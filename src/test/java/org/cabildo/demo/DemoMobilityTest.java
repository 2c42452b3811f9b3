package org.cabildo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The demo's mobility series: loaded, and served values checked against the shipped CSVs read
 * here on their own (the outage rule worked out again here, by brute force).
 */
@IntegrationTest
class DemoMobilityTest {

	private static final Path FOLDER = Path.of("src/main/resources/demo/mexico-city");

	@LocalServerPort
	int port;

	@Autowired
	DemoMobility mobility;

	@Test
	void theFilesLoadWhole() throws IOException {
		assertThat(DemoMobility.bikes()).hasSize(lines("bike_counter_daily.csv").size()).hasSize(4268);
		assertThat(DemoMobility.ridership()).hasSize(lines("transit_ridership_daily_2020.csv").size()).hasSize(6808);
		assertThat(DemoMobility.ridership().stream().filter(c -> c.counted() == null)).hasSize(27);
	}

	@Test
	void cyclistsOfJuly2017LeaveTheMalfunctionOut() throws IOException {
		mobility.load();
		List<String[]> rows = lines("bike_counter_daily.csv");
		// July 2017, weekdays: each counter's count held against the median of its same-kind days within 28 days
		long sum = 0;
		long counts = 0;
		long leftOut = 0;
		for (String[] row : rows) {
			LocalDate day = LocalDate.parse(row[0]);
			if (day.getYear() != 2017 || day.getMonthValue() != 7 || weekend(day)) {
				continue;
			}
			long count = Long.parseLong(row[3]);
			List<Long> near = new ArrayList<>();
			for (String[] other : rows) {
				LocalDate d = LocalDate.parse(other[0]);
				if (other[1].equals(row[1]) && weekend(d) == weekend(day)
						&& Math.abs(d.toEpochDay() - day.toEpochDay()) <= 28) {
					near.add(Long.parseLong(other[3]));
				}
			}
			Collections.sort(near);
			int n = near.size();
			double median = n % 2 == 1 ? near.get(n / 2) : (near.get(n / 2 - 1) + near.get(n / 2)) / 2.0;
			if (count < median / 4 || count > 2 * median) {
				leftOut++;
			}
			else {
				sum += count;
				counts++;
			}
		}
		JsonNode table = Api.anonymous(port)
			.get("/api/indicators/mobility-cyclists-daily/city", "series", DemoMobility.BIKES, "from", "2017-07-01", "to",
					"2017-08-01")
			.json();
		JsonNode weekdays = table.get("months").get(0);
		assertThat(weekdays.get("group").asString()).isEqualTo("weekdays");
		assertThat(weekdays.get("counts").asLong()).isEqualTo(counts);
		assertThat(weekdays.get("leftOut").asLong()).isEqualTo(leftOut);
		// the seven weekdays of 10 to 18 July at Reforma 222 (7,191 to 17,327) at least
		assertThat(leftOut).isGreaterThanOrEqualTo(7);
		assertThat(weekdays.get("value").asDouble()).isCloseTo(Math.round(sum * 10.0 / counts) / 10.0,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(table.get("series").get("source").asString()).contains("Contador de ciclistas");
	}

	@Test
	void metroRidershipOfAprilAgainstTheFirstWeekOfMarch() throws IOException {
		mobility.load();
		long baseline = 0;
		long april = 0;
		for (String[] row : lines("transit_ridership_daily_2020.csv")) {
			if (!row[1].equals("STC") || row[5].isEmpty()) {
				continue;
			}
			LocalDate day = LocalDate.parse(row[0]);
			if (day.isBefore(LocalDate.of(2020, 3, 8))) {
				baseline += Long.parseLong(row[5]);
			}
			if (day.getMonthValue() == 4) {
				april += Long.parseLong(row[5]);
			}
		}
		JsonNode table = Api.anonymous(port)
			.get("/api/indicators/mobility-transit-ridership/city", "series", DemoMobility.RIDERSHIP, "from",
					"2020-04-01", "to", "2020-05-01")
			.json();
		assertThat(table.get("baselineFrom").asString()).isEqualTo("2020-03-01");
		assertThat(table.get("baselineTo").asString()).isEqualTo("2020-03-08");
		JsonNode stc = null;
		for (JsonNode value : table.get("months")) {
			if (value.get("group").asString().equals("STC")) {
				stc = value;
			}
		}
		assertThat(stc).isNotNull();
		double mean = Math.round(april * 10.0 / 30) / 10.0;
		double base = Math.round(baseline * 10.0 / 7) / 10.0;
		assertThat(stc.get("value").asDouble()).isEqualTo(mean);
		assertThat(stc.get("baseline").asDouble()).isEqualTo(base);
		assertThat(stc.get("changePercent").asDouble()).isEqualTo(Math.round((mean / base - 1) * 1000) / 10.0);
		// the Metro lost most of its passengers in April 2020
		assertThat(stc.get("changePercent").asDouble()).isLessThan(-50);
		JsonNode whole = Api.anonymous(port)
			.get("/api/indicators/mobility-transit-ridership/city", "series", DemoMobility.RIDERSHIP)
			.json();
		assertThat(whole.get("leftOut").get(0).get("reason").asString()).isEqualTo("empty");
		assertThat(whole.get("leftOut").get(0).get("counts").asLong()).isEqualTo(27);
	}

	private static boolean weekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	private static List<String[]> lines(String file) throws IOException {
		return Files.readAllLines(FOLDER.resolve(file), StandardCharsets.UTF_8)
			.stream()
			.skip(1)
			.filter(line -> !line.isBlank())
			.map(line -> line.split(",", -1))
			.toList();
	}

}
