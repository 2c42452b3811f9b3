package org.cabildo.importing;

import java.util.List;
import java.util.Map;

/**
 * A station of the stations file, as the mapping reads it.
 *
 * @param altitude metres, null when the file gives none
 * @param properties the Thing's properties, typed as the mapping says
 * @param parameters the parameters it measures, when the file lists them
 * @param cells every cell of its row (GeoJSON: every feature property), for {@code {column}} in texts
 */
public record Site(String id, String name, double longitude, double latitude, Double altitude,
		Map<String, Object> properties, List<String> parameters, Map<String, String> cells) {

	/** {@code text} with each {@code {column}} replaced by this station's value. */
	String fill(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder filled = new StringBuilder();
		int at = 0;
		while (at < text.length()) {
			int open = text.indexOf('{', at);
			int close = open < 0 ? -1 : text.indexOf('}', open);
			if (close < 0) {
				filled.append(text, at, text.length());
				break;
			}
			String column = text.substring(open + 1, close);
			String value = cells.get(column);
			filled.append(text, at, open).append(value != null ? value : text.substring(open, close + 1));
			at = close + 1;
		}
		return filled.toString();
	}

}
