package org.cabildo.sensing.query;

import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A request whose query options cannot be understood. Names the query option and the
 * 0-based character position within its value, so the client sees where the problem is.
 */
public class QueryException extends ApiException {

	private final String option;

	private final int position;

	public QueryException(String message, String option, int position) {
		super(HttpStatus.BAD_REQUEST, message);
		this.option = option;
		this.position = position;
		with("option", option);
		if (position >= 0) {
			with("position", position);
		}
	}

	public QueryException(String message, String option) {
		this(message, option, -1);
	}

	public String option() {
		return option;
	}

	/** 0-based offset into the option's value, or -1 when the problem is not at one place. */
	public int position() {
		return position;
	}

}
