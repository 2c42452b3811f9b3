package org.cabildo.governance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.identity.Caller;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.Platform;
import org.cabildo.sensing.DatastreamCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Declares a Datastream in the transaction that creates it, so that it may collect from its
 * first Observation (a deep insert with Observations included): with the declaration its
 * creating request carried, else with its Thing's or its organisation's template. Without
 * either it stays undeclared, collects nothing, and the register lists it as undeclared.
 */
@Component
class DeclarationsAtCreation {

	static final String INLINE_KEY = "cabildo:declaration";

	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Register register;

	private final Templates templates;

	DeclarationsAtCreation(Register register, Templates templates) {
		this.register = register;
		this.templates = templates;
	}

	@EventListener
	void declare(DatastreamCreated created) {
		String actor = Caller.current().map(Caller::name).or(Platform::job).orElse("platform");
		if (created.inline().isPresent()) {
			String at = (created.pointer().equals("/") ? "" : created.pointer()) + "/properties/" + INLINE_KEY;
			DeclarationDraft draft = draft(created.inline().get(), at);
			try {
				register.declareInline(created.id(), draft, actor);
			}
			catch (ApiException e) {
				throw pointedInto(e, at);
			}
			return;
		}
		templates.applicableTo(created.id())
			.ifPresent(template -> register.declareFromTemplate(created.id(), template, actor));
	}

	private static DeclarationDraft draft(String json, String at) {
		try {
			return STRICT.readValue(json, DeclarationDraft.class);
		}
		catch (JacksonException e) {
			String field = e.getPath().isEmpty() ? "" : "/" + String.join("/",
					e.getPath().stream().map(step -> step.getPropertyName() != null ? step.getPropertyName()
							: Integer.toString(step.getIndex())).toList());
			throw ApiException.badRequest("the declaration at " + at + " is not a declaration: " + e.getOriginalMessage()
					.lines().findFirst().orElse("")).with("pointer", at + field);
		}
	}

	/** The rules' problems point into the declaration; here the declaration stands inside the request body. */
	@SuppressWarnings("unchecked")
	private static ApiException pointedInto(ApiException e, String at) {
		ApiException moved = new ApiException(e.status(), e.getMessage().replace(" at /", " at " + at + "/"));
		e.details().forEach((name, value) -> {
			if (name.equals("pointer") && value instanceof String pointer) {
				moved.with(name, at + pointer);
			}
			else if (name.equals("problems") && value instanceof List<?> problems) {
				List<Map<String, Object>> repointed = new ArrayList<>();
				for (Object problem : problems) {
					Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) problem);
					copy.computeIfPresent("pointer", (key, pointer) -> at + pointer);
					repointed.add(copy);
				}
				moved.with(name, repointed);
			}
			else {
				moved.with(name, value);
			}
		});
		return moved;
	}

}
