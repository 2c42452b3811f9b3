package org.cabildo.participation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The categories of proposals, read once at start from
 * {@code cabildo.participation.proposals.categories}: a file that is wrong stops the start with
 * what is wrong and where, as the service list does, rather than forwarding proposals to no one.
 */
@Component
public class ProposalCategories {

	private final List<ProposalCategory> categories;

	ProposalCategories(ParticipationSettings settings, ResourceLoader resources) throws IOException {
		String where = settings.proposals().categories();
		try (InputStream in = resources.getResource(where).getInputStream()) {
			this.categories = read(JsonMapper.shared().readTree(in), where);
		}
	}

	public List<ProposalCategory> all() {
		return categories;
	}

	public Optional<ProposalCategory> byCode(String code) {
		return categories.stream().filter(c -> c.code().equals(code)).findFirst();
	}

	static List<ProposalCategory> read(JsonNode root, String where) {
		JsonNode list = root.path("categories");
		if (!list.isArray() || list.isEmpty()) {
			throw new IllegalStateException(where + ": no \"categories\" list");
		}
		List<ProposalCategory> read = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < list.size(); i++) {
			JsonNode c = list.get(i);
			String at = where + " /categories/" + i;
			String code = text(c, "code", at);
			if (!code.matches("[a-z0-9]+(-[a-z0-9]+)*") || code.length() > 64) {
				throw new IllegalStateException(at + "/code: '" + code
						+ "' is not a code of at most 64 lower-case letters and digits joined by hyphens");
			}
			if (!codes.add(code)) {
				throw new IllegalStateException(at + ": category code " + code + " given twice");
			}
			String office = text(c, "office", at);
			String fallback = c.path("fallback_office").asString(office);
			if (fallback.contains("{district}")) {
				throw new IllegalStateException(at + "/fallback_office: is for proposals about no district, so it"
						+ " cannot hold {district}");
			}
			if (office.length() > 150 || fallback.length() > 150) {
				// with a district's name in it, an office's name must still fit proposals.office
				throw new IllegalStateException(at + "/office: at most 150 characters");
			}
			read.add(new ProposalCategory(code, text(c, "name", at), c.path("description").asString(""), office,
					fallback));
		}
		return List.copyOf(read);
	}

	private static String text(JsonNode node, String field, String at) {
		String value = node.path(field).asString("");
		if (value.isBlank()) {
			throw new IllegalStateException(at + "/" + field + ": missing");
		}
		return value;
	}

}
