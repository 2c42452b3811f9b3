package org.cabildo.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.participation.Demographics;
import org.cabildo.participation.Filing;
import org.cabildo.participation.ReportQuery;
import org.cabildo.participation.Reporter;
import org.cabildo.participation.Reports;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city's sample reports ({@value #FILE}): synthetic, each labelled so in its
 * description, filed through the same gate as a resident's report, into a city that has none yet.
 */
@Component
class DemoReports {

	static final String FILE = DemoCity.FOLDER + "/reports.json";

	private final Reports reports;

	DemoReports(Reports reports) {
		this.reports = reports;
	}

	/** Files the samples when the city has no report yet; returns how many were filed. */
	int load() {
		if (!reports.list(ReportQuery.of(null, null, null, Instant.EPOCH, null, 1)).isEmpty()) {
			return 0;
		}
		int filed = 0;
		for (Filing filing : samples()) {
			reports.file(filing, id -> {
				throw new IllegalStateException("the demo's sample reports have no photo");
			});
			filed++;
		}
		return filed;
	}

	/** The samples as the platform's job files them, each description starting with the file's label. */
	static List<Filing> samples() {
		JsonNode file = read();
		String label = file.path("label").asString();
		List<Filing> samples = new java.util.ArrayList<>();
		for (JsonNode r : file.path("reports")) {
			Map<String, List<String>> attributes = new LinkedHashMap<>();
			r.path("attributes").properties().forEach(a -> attributes.put(a.getKey(), List.of(a.getValue().asString())));
			samples.add(new Filing(null, r.path("service_code").asString(), r.path("lat").asString(),
					r.path("long").asString(), r.path("address_string").asString(null), null, null, attributes,
					label + " " + r.path("description").asString(), null, Reporter.platform(DemoConfiguration.JOB), null,
					Demographics.NOT_SAID));
		}
		return samples;
	}

	private static JsonNode read() {
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			return JsonMapper.shared().readTree(in);
		}
		catch (IOException e) {
			throw new IllegalStateException("the demo city's sample reports could not be read: " + FILE, e);
		}
	}

}
