package org.cabildo.participation;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The city's service list, read once at start from {@code cabildo.participation.services}: a
 * file that is wrong stops the start with what is wrong and where, rather than serving a list
 * residents cannot use.
 */
@Service
public class ServiceCatalogue {

	private final List<CityService> services;

	ServiceCatalogue(ParticipationSettings settings, ResourceLoader resources) throws IOException {
		try (InputStream in = resources.getResource(settings.services()).getInputStream()) {
			this.services = read(JsonMapper.shared().readTree(in), settings.services());
		}
	}

	public List<CityService> all() {
		return services;
	}

	public Optional<CityService> byCode(String code) {
		return services.stream().filter(s -> s.code().equals(code)).findFirst();
	}

	static List<CityService> read(JsonNode root, String where) {
		List<CityService> read = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		JsonNode list = root.path("services");
		if (!list.isArray() || list.isEmpty()) {
			throw new IllegalStateException(where + ": no \"services\" list");
		}
		for (int i = 0; i < list.size(); i++) {
			JsonNode s = list.get(i);
			String at = where + " /services/" + i;
			String code = text(s, "code", at);
			if (!codes.add(code)) {
				throw new IllegalStateException(at + ": service code " + code + " given twice");
			}
			List<ServiceAttribute> attributes = new ArrayList<>();
			JsonNode attrs = s.path("attributes");
			for (int j = 0; j < attrs.size(); j++) {
				attributes.add(attribute(attrs.get(j), j + 1, at + "/attributes/" + j));
			}
			List<String> keywords = new ArrayList<>();
			s.path("keywords").forEach(k -> keywords.add(k.asString()));
			String office = text(s, "office", at);
			read.add(new CityService(code, text(s, "name", at), text(s, "description", at),
					keywords, s.path("group").asString(""), office, s.path("fallback_office").asString(office),
					Duration.parse(s.path("expected_response").asString("P7D")), attributes));
		}
		return List.copyOf(read);
	}

	private static ServiceAttribute attribute(JsonNode a, int order, String at) {
		ServiceAttribute.Datatype datatype;
		try {
			datatype = ServiceAttribute.Datatype.valueOf(text(a, "datatype", at).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException(at + "/datatype: not one of string, number, datetime, text,"
					+ " singlevaluelist, multivaluelist");
		}
		List<ServiceAttribute.Value> values = new ArrayList<>();
		a.path("values").forEach(v -> values.add(new ServiceAttribute.Value(text(v, "key", at), text(v, "name", at))));
		if (datatype.isList() && values.isEmpty()) {
			throw new IllegalStateException(at + "/values: a list attribute needs its values");
		}
		return new ServiceAttribute(text(a, "code", at), datatype, a.path("required").asBoolean(false),
				text(a, "description", at), a.path("datatype_description").asString(null), order, values);
	}

	private static String text(JsonNode node, String field, String at) {
		String value = node.path(field).asString("");
		if (value.isBlank()) {
			throw new IllegalStateException(at + "/" + field + ": missing");
		}
		return value;
	}

}
