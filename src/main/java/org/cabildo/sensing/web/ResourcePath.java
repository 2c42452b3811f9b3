package org.cabildo.sensing.web;

import java.util.ArrayList;
import java.util.List;

import org.cabildo.platform.ApiException;
import org.springframework.web.util.UriUtils;

/** The resource path of a request, after the version: {@code Things(1)/Datastreams/$ref}. */
record ResourcePath(List<Segment> segments) {

	sealed interface Segment {
	}

	/** A name, with the key that follows it in parentheses if any. */
	record Named(String name, Long key) implements Segment {
	}

	record Ref() implements Segment {
	}

	record Value() implements Segment {
	}

	static ResourcePath parse(String path) {
		List<Segment> segments = new ArrayList<>();
		for (String raw : path.split("/")) {
			if (raw.isEmpty()) {
				continue;
			}
			String segment = UriUtils.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
			switch (segment) {
				case "$ref" -> segments.add(new Ref());
				case "$value" -> segments.add(new Value());
				default -> segments.add(named(segment));
			}
		}
		return new ResourcePath(segments);
	}

	private static Named named(String segment) {
		int open = segment.indexOf('(');
		if (open < 0 || !segment.endsWith(")")) {
			return new Named(segment, null);
		}
		String name = segment.substring(0, open);
		String key = segment.substring(open + 1, segment.length() - 1).trim();
		try {
			return new Named(name, Long.parseLong(key));
		}
		catch (NumberFormatException e) {
			throw ApiException.badRequest("the id in '" + segment + "' must be an integer").with("segment", segment);
		}
	}

}
