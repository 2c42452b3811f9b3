package org.cabildo.platform;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the answers that are tables (series, indicators by district, health and mobility counts)
 * share: {@code format=json} or {@code format=csv}, the CSV answer offered as a download, its
 * cells, and the local dates that bound them; so that every such answer refuses and writes the
 * same way.
 */
public final class TableAnswers {

	public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private TableAnswers() {
	}

	/** Whether CSV is asked: {@code json} or {@code csv}, any case; anything else is a 400 at {@code format}. */
	public static boolean csv(String format) {
		return switch (format.strip().toLowerCase(Locale.ROOT)) {
			case "json" -> false;
			case "csv" -> true;
			default -> throw ApiException.badRequest("format is json or csv, not '" + format + "'")
				.with("parameter", "format");
		};
	}

	/** A CSV answer, offered for download as {@code name.csv}. */
	public static ResponseEntity<String> csv(String name, String body) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
			.body(body);
	}

	/** A cell of a number or other value: empty for none. */
	public static String cell(Object value) {
		return value == null ? "" : value.toString();
	}

	/** A cell of text, in quotes (a name may hold a comma), quotes in it doubled. */
	public static String quoted(String text) {
		return text == null ? "" : '"' + text.replace("\"", "\"\"") + '"';
	}

	/** A local date such as 2024-01-01 given in a parameter; a 400 naming the parameter otherwise. */
	public static LocalDate date(String text, String parameter) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw ApiException.badRequest(parameter + " '" + text + "' is not a date such as 2024-01-01")
				.with("parameter", parameter);
		}
	}

}
