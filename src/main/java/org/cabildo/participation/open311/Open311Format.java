package org.cabildo.participation.open311;

import java.util.Optional;

import org.springframework.http.MediaType;

/** The two formats GeoReport v2 answers in, chosen by the resource's extension. */
enum Open311Format {

	JSON("json", MediaType.APPLICATION_JSON), XML("xml", MediaType.TEXT_XML);

	final String extension;

	final MediaType mediaType;

	Open311Format(String extension, MediaType mediaType) {
		this.extension = extension;
		this.mediaType = mediaType;
	}

	static Optional<Open311Format> of(String extension) {
		for (Open311Format format : values()) {
			if (format.extension.equals(extension)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

	/** The format a path asks for: XML when it ends in {@code .xml}, JSON otherwise (errors included). */
	static Open311Format ofPath(String path) {
		return path != null && path.endsWith(".xml") ? XML : JSON;
	}

}
