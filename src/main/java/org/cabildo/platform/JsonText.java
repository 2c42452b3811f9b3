package org.cabildo.platform;

import java.util.List;

import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonGeneratorDelegate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Text in JSON that the platform takes in and gives out. JSON escapes can spell what is not
 * Unicode ({@code "\ud800"}, half of a surrogate pair), and U+0000, which PostgreSQL cannot
 * store: both are refused where text comes in ({@link #requireValid}), naming where they are;
 * text stored before that was checked is written out with U+FFFD in place of a lone surrogate
 * ({@link #writer()}), so that no answer is invalid JSON or stops halfway.
 */
public final class JsonText {

	private static final char REPLACEMENT = '\uFFFD';

	private static final JsonMapper WRITER = JsonMapper
		.builder(JsonFactory.builder().addDecorator(JsonText::repairing).build())
		.build();

	private JsonText() {
	}

	/** The index of the first char of {@code text} that is a lone surrogate or U+0000; -1 when there is none. */
	public static int invalidAt(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return i;
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return i;
			}
		}
		return -1;
	}

	/** What is wrong with the char at {@code index}, for a problem body (without echoing the char). */
	public static String describe(CharSequence text, int index) {
		char c = text.charAt(index);
		return c == 0 ? "U+0000 (NUL), which cannot be stored"
				: String.format("U+%04X, half of a UTF-16 surrogate pair without its other half, which is not Unicode",
						(int) c);
	}

	/**
	 * Refuses a JSON document with a name or string value that is not valid text (see
	 * {@link #invalidAt}): a 400 whose {@code pointer} is the JSON pointer of the value or member.
	 */
	public static void requireValid(JsonNode json) {
		check(json, "");
	}

	private static void check(JsonNode node, String pointer) {
		if (node.isString()) {
			requireValid(node.asString(), pointer);
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> member : node.properties()) {
				String at = pointer + "/" + member.getKey().replace("~", "~0").replace("/", "~1");
				requireValid(member.getKey(), at);
				check(member.getValue(), at);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				check(node.get(i), pointer + "/" + i);
			}
		}
	}

	private static void requireValid(String text, String pointer) {
		int bad = invalidAt(text);
		if (bad >= 0) {
			String at = pointer.isEmpty() ? "/" : repaired(pointer);
			throw ApiException
				.badRequest("the text at " + at + " holds " + describe(text, bad) + " (at character " + bad + ")")
				.with("pointer", at);
		}
	}

	/** {@code text} with each lone surrogate replaced by U+FFFD. */
	public static String repaired(String text) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1));
			boolean lone = !pair && Character.isSurrogate(c);
			if (lone && out == null) {
				out = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (out != null) {
				out.append(lone ? REPLACEMENT : c);
				if (pair) {
					out.append(text.charAt(i + 1));
				}
			}
			if (pair) {
				i++;
			}
		}
		return out == null ? text : out.toString();
	}

	/** A mapper whose generators write U+FFFD for every lone surrogate in names and strings. */
	public static JsonMapper writer() {
		return WRITER;
	}

	private static JsonGenerator repairing(TokenStreamFactory factory, JsonGenerator generator) {
		return new JsonGeneratorDelegate(generator, true) {

			@Override
			public JsonGenerator writeName(String name) {
				return super.writeName(repaired(name));
			}

			@Override
			public JsonGenerator writeName(SerializableString name) {
				String repaired = repaired(name.getValue());
				return repaired == name.getValue() ? super.writeName(name) : super.writeName(repaired);
			}

			@Override
			public JsonGenerator writeString(String text) {
				return super.writeString(text == null ? null : repaired(text));
			}

			@Override
			public JsonGenerator writeString(char[] text, int offset, int length) {
				for (int i = offset; i < offset + length; i++) {
					if (Character.isSurrogate(text[i])) {
						return writeString(new String(text, offset, length));
					}
				}
				return super.writeString(text, offset, length);
			}

			@Override
			public JsonGenerator writeString(SerializableString text) {
				String repaired = repaired(text.getValue());
				return repaired == text.getValue() ? super.writeString(text) : super.writeString(repaired);
			}

			@Override
			public JsonGenerator writeRaw(String text) {
				return super.writeRaw(repaired(text));
			}

			@Override
			public JsonGenerator writeRawValue(String text) {
				return super.writeRawValue(repaired(text));
			}

		};
	}

	/**
	 * Why text is not JSON, in words that name no library: the parser's own first clause (as
	 * "Unexpected character", "Unexpected end-of-input"), without the names of its types and
	 * settings, and where it is (line and column) when known.
	 */
	public static String whyNotJson(tools.jackson.core.JacksonException e) {
		String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
		String reason;
		if (original.startsWith("Trailing token")) {
			reason = "more follows the first JSON value";
		}
		else if (original.startsWith("No content") || original.isBlank()) {
			reason = "there is no JSON value";
		}
		else if (e instanceof tools.jackson.core.exc.StreamConstraintsException) {
			reason = "it is nested too deeply or holds a value too long";
		}
		else {
			int end = original.length();
			for (String stop : List.of(" (", ":", "`", ";")) {
				int at = original.indexOf(stop);
				if (at > 0 && at < end) {
					end = at;
				}
			}
			reason = original.substring(0, end).strip();
			if (reason.isEmpty() || reason.contains(".") && reason.matches(".*[a-z]\\.[A-Z].*")) {
				reason = "it is not well formed";
			}
		}
		tools.jackson.core.TokenStreamLocation location = e.getLocation();
		return location == null || location.getLineNr() < 1 ? reason
				: reason + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

}
