package org.cabildo.sensing.mqtt;

/** What became of an Observation published to the platform. */
sealed interface Receipt {

	/** Committed, with this id (or the id of the same reading sent before). */
	record Stored(long id) implements Receipt {
	}

	/** Not stored, but added to the aggregates kept of a stream whose retention it is already past. */
	record Folded(String note) implements Receipt {
	}

	/** Queued for the next commit; a QoS 0 publish waits for no more. */
	record Queued() implements Receipt {
	}

	/** Not stored and never will be: the publish is wrong. */
	record Refused(Fault fault, String reason) implements Receipt {
	}

	/** Not stored now, but may be if sent again: the database does not keep up or failed. */
	record Failed(boolean busy, String reason) implements Receipt {
	}

	/** What is wrong with a refused publish. */
	enum Fault {

		/** Not a topic Observations are created on. */
		TOPIC,
		/** Not a JSON object. */
		PAYLOAD,
		/** An Observation that breaks the data model, or for a Datastream that does not exist. */
		CONTENT,
		/** For a Datastream the client may not create Observations in. */
		NOT_AUTHORISED

	}

}
