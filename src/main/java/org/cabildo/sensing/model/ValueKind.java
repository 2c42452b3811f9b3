package org.cabildo.sensing.model;

/** How a property's value is represented in JSON and stored in the database. */
public enum ValueKind {

	/** The entity id, column {@code id}. */
	ID,
	/** A JSON string, stored as text. */
	TEXT,
	/** Any JSON value (object for {@code properties}), stored as JSON text. */
	JSON,
	/** A GeoJSON geometry or feature, stored as JSON text. */
	GEOMETRY,
	/** An ISO 8601 instant, one timestamp column. */
	INSTANT,
	/** An ISO 8601 interval {@code start/end}, columns {@code _start} and {@code _end}. */
	INTERVAL,
	/** An instant or an interval (Observation phenomenonTime): a start column and a nullable end column. */
	INSTANT_OR_INTERVAL,
	/** An Observation result: a number column and a JSON column for every other value. */
	RESULT

}
