package org.cabildo.governance.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.DeclarationChange;
import org.cabildo.governance.DeclarationDraft;
import org.cabildo.governance.DeclarationOrigin;
import org.cabildo.governance.Register;
import org.cabildo.governance.RegisterFilter;
import org.cabildo.governance.UndeclaredStream;
import org.cabildo.governance.register.Vocabulary;
import org.cabildo.identity.Caller;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.DatastreamPlaces;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The public register: every sensor stream, what it collects, why, who is accountable and for
 * how long. Anyone reads it; stewards of the owning organisation write it.
 */
@RestController
@Tag(name = "Register")
class RegisterController {

	private final Register register;

	private final DatastreamPlaces places;

	private final Vocabulary vocabulary;

	RegisterController(Register register, DatastreamPlaces places, Vocabulary vocabulary) {
		this.register = register;
		this.places = places;
		this.vocabulary = vocabulary;
	}

	@GetMapping("/api/register")
	@Operation(summary = "The current declaration of every stream, filtered by purpose and technology (DTPR ids),"
			+ " class, organisation (name or id), stage, access level and bounding box (minLon,minLat,maxLon,maxLat)")
	Map<String, Object> list(@RequestParam(required = false) String purpose,
			@RequestParam(required = false) String technology,
			@RequestParam(name = "class", required = false) String personalDataClass,
			@RequestParam(required = false) String organisation, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String access, @RequestParam(required = false) String bbox) {
		RegisterFilter filter = register.filter(purpose, technology, personalDataClass, organisation, stage, access,
				bbox);
		Map<Long, DatastreamPlaces.Place> where = places.all();
		Map<Long, DeclarationOrigin> origins = register.origins();
		List<Map<String, Object>> entries = new ArrayList<>();
		for (Declaration declaration : register.all()) {
			DatastreamPlaces.Place place = where.get(declaration.datastreamId());
			if (filter.matches(declaration, place)) {
				entries.add(RegisterEntry.of(declaration, place, origins.get(declaration.datastreamId())));
			}
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("count", entries.size());
		answer.put("value", entries);
		answer.put("undeclared", register.countUndeclared());
		answer.put("undeclaredLink", "/api/register/undeclared");
		return answer;
	}

	/** Datastreams without a declaration, a page of them. */
	record UndeclaredStreams(long count, List<UndeclaredStream> value, String nextLink) {
	}

	@GetMapping("/api/register/undeclared")
	@Operation(summary = "Datastreams that have no declaration and so collect nothing, by id (top: at most 1,000)")
	UndeclaredStreams undeclared(@RequestParam(defaultValue = "0") int skip,
			@RequestParam(defaultValue = "100") int top) {
		if (skip < 0 || top < 1 || top > 1000) {
			throw ApiException.badRequest("skip is 0 or more and top from 1 to 1,000")
				.with("parameter", skip < 0 ? "skip" : "top");
		}
		List<UndeclaredStream> page = register.undeclared(skip, top + 1);
		boolean more = page.size() > top;
		return new UndeclaredStreams(register.countUndeclared(), more ? page.subList(0, top) : page,
				more ? "/api/register/undeclared?skip=" + (skip + top) + "&top=" + top : null);
	}

	@GetMapping("/api/register/{datastreamId}")
	@Operation(summary = "A stream's current declaration and every earlier version")
	Map<String, Object> one(@PathVariable long datastreamId) {
		Declaration current = register.current(datastreamId)
			.orElseThrow(() -> ApiException.notFound("Datastream " + datastreamId + " has no declaration"));
		Map<String, Object> answer = RegisterEntry.of(current, places.all().get(datastreamId),
				register.origin(datastreamId).orElse(null));
		answer.put("versions", register.history(datastreamId));
		return answer;
	}

	@PutMapping("/api/register/{datastreamId}")
	@Operation(summary = "Declares a stream, or changes its declaration (a new version); stewards of the owner."
			+ " A change whose retention removes stored Observations is refused (409, rule retention-removes, with"
			+ " the number) until repeated with confirm set to that number; dryRun=true answers the change and what"
			+ " it removes (a DeclarationChange) without applying it")
	@ApiResponse(responseCode = "200", description = "the new version, or with dryRun the change it would be",
			content = @Content(schema = @Schema(oneOf = { Declaration.class, DeclarationChange.class })))
	ResponseEntity<Object> declare(@PathVariable long datastreamId, @RequestBody DeclarationDraft draft,
			@RequestParam(required = false) Long confirm, @RequestParam(defaultValue = "false") boolean dryRun) {
		String actor = Caller.current().map(Caller::name).orElse("platform");
		if (dryRun) {
			return ResponseEntity.ok(register.preview(datastreamId, draft, actor));
		}
		return ResponseEntity.ok(register.declare(datastreamId, draft, actor,
				confirm == null ? OptionalLong.empty() : OptionalLong.of(confirm)));
	}

	@GetMapping(value = "/api/register.geojson", produces = "application/geo+json")
	@Operation(summary = "Every declared stream as a GeoJSON feature, with what a street sign would say"
			+ " (lang: es, pt or en), filtered as the register is")
	Map<String, Object> geojson(@RequestParam(defaultValue = "es") String lang,
			@RequestParam(required = false) String purpose, @RequestParam(required = false) String technology,
			@RequestParam(name = "class", required = false) String personalDataClass,
			@RequestParam(required = false) String organisation, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String access, @RequestParam(required = false) String bbox) {
		String language = lang.toLowerCase(Locale.ROOT);
		if (!Vocabulary.LANGUAGES.contains(language)) {
			throw ApiException.badRequest("lang is one of es, pt, en").with("parameter", "lang");
		}
		RegisterFilter filter = register.filter(purpose, technology, personalDataClass, organisation, stage, access,
				bbox);
		Map<Long, DatastreamPlaces.Place> where = places.all();
		List<Map<String, Object>> features = new ArrayList<>();
		for (Declaration declaration : register.all()) {
			DatastreamPlaces.Place place = where.get(declaration.datastreamId());
			if (filter.matches(declaration, place)) {
				features.add(StreetSign.feature(declaration, place, vocabulary, language));
			}
		}
		Map<String, Object> collection = new LinkedHashMap<>();
		collection.put("type", "FeatureCollection");
		collection.put("attribution", Vocabulary.ATTRIBUTION);
		collection.put("features", features);
		return collection;
	}

	@GetMapping("/api/register/{datastreamId}/datachain")
	@Operation(summary = "A stream's declaration as a DTPR v1 device datachain, labelled in es, pt or en")
	Map<String, Object> datachain(@PathVariable long datastreamId, @RequestParam(defaultValue = "es") String lang) {
		Declaration declaration = register.current(datastreamId)
			.orElseThrow(() -> ApiException.notFound("Datastream " + datastreamId + " has no declaration"));
		return Datachain.of(declaration, vocabulary, lang.toLowerCase(Locale.ROOT));
	}

	@GetMapping("/api/register/datachains")
	@Operation(summary = "The whole register as DTPR v1 device datachains, labelled in es, pt or en")
	Map<String, Object> datachains(@RequestParam(defaultValue = "es") String lang) {
		List<Map<String, Object>> chains = new ArrayList<>();
		for (Declaration declaration : register.all()) {
			chains.add(Datachain.of(declaration, vocabulary, lang.toLowerCase(Locale.ROOT)));
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("attribution", Vocabulary.ATTRIBUTION);
		answer.put("datachains", chains);
		return answer;
	}

	@GetMapping("/api/register/vocabulary")
	@Operation(summary = "The DTPR v1 vocabulary declarations use, with labels in Spanish, Portuguese and English")
	Map<String, Object> vocabulary() {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("attribution", Vocabulary.ATTRIBUTION);
		answer.put("categories", vocabulary.all());
		return answer;
	}

}
