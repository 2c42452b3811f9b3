package org.cabildo.sensing.web;

import tools.jackson.core.JsonGenerator;

/** A JSON response body, written straight to where it goes (the response, or a batch response). */
@FunctionalInterface
interface JsonBody {

	void write(JsonGenerator json);

}
