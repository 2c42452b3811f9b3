package org.cabildo.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a mapping file. Any mistake, a misspelt key as well as a value the mapping cannot use,
 * is an {@link InvalidInput} naming the file, line and column, so that the import stops before
 * anything is sent.
 */
public final class MappingReader {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private MappingReader() {
	}

	/** The mapping in {@code file}; its relative file names are read from the file's folder. */
	public static ImportMapping read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			Path folder = file.toAbsolutePath().getParent();
			return read(in, file.toString()).in(folder);
		}
		catch (NoSuchFileException e) {
			throw new InvalidInput(file + ": there is no such mapping file");
		}
		catch (IOException e) {
			throw new InvalidInput(file + ": cannot be read: " + e.getMessage());
		}
	}

	/** The mapping read from {@code in}, called {@code name} in messages; relative files are not resolved. */
	public static ImportMapping read(InputStream in, String name) {
		byte[] text;
		try {
			text = in.readAllBytes();
		}
		catch (IOException e) {
			throw new InvalidInput(name + ": cannot be read: " + e.getMessage());
		}
		try {
			ImportMapping mapping = YAML.readValue(text, ImportMapping.class);
			if (mapping == null) {
				throw new InvalidInput(name + ": the mapping file is empty");
			}
			return mapping;
		}
		catch (JacksonException e) {
			String pointer = pointer(e);
			// where the offending token starts, not where the parser stopped after it: a record's
			// keys are all read before it is made, so the parser is past the faulty key by then
			TokenStreamLocation location = pointer != null ? locate(text, pointer)
					: e.processor() instanceof JsonParser parser ? parser.currentTokenLocation() : e.getLocation();
			throw new InvalidInput(name + where(location) + ": " + reason(e), pointer);
		}
	}

	/** Where the key or item a JSON Pointer names starts in the file; null when it is not found. */
	private static TokenStreamLocation locate(byte[] text, String pointer) {
		try (JsonParser parser = YAML.createParser(text)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY
						&& pointer.equals(parser.streamReadContext().pathAsPointer().toString())) {
					return parser.currentTokenLocation();
				}
			}
		}
		catch (JacksonException e) {
			// the file's fault is elsewhere: no place to give
		}
		return null;
	}

	/** The JSON Pointer of the key or item at fault ({@code /readings/sentinel}); null when the fault is the file's. */
	private static String pointer(JacksonException e) {
		StringBuilder pointer = new StringBuilder();
		for (JacksonException.Reference reference : e.getPath()) {
			String step = reference.getPropertyName() != null ? reference.getPropertyName()
					: reference.getIndex() >= 0 ? Integer.toString(reference.getIndex()) : null;
			if (step != null) {
				pointer.append('/').append(step.replace("~", "~0").replace("/", "~1"));
			}
		}
		return pointer.isEmpty() ? null : pointer.toString();
	}

	private static String where(TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return ":" + location.getLineNr() + ":" + location.getColumnNr();
	}

	/** The mapping's own message when one of its checks failed, else Jackson's first line without its location. */
	private static String reason(JacksonException e) {
		if (e instanceof UnrecognizedPropertyException unknown) {
			return "unknown key '" + unknown.getPropertyName() + "' (the keys here: " + unknown.getKnownPropertyIds().stream()
				.map(Object::toString).map(MappingReader::snakeCase).sorted().toList() + ")";
		}
		for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof IllegalArgumentException) {
				return cause.getMessage();
			}
		}
		String message = e.getOriginalMessage();
		int end = message.indexOf('\n');
		return (end < 0 ? message : message.substring(0, end)).replace("org.cabildo.importing.", "");
	}

	private static String snakeCase(String name) {
		return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}

}
