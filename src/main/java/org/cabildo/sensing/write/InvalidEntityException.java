package org.cabildo.sensing.write;

import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;

/** An entity in a request body that breaks the data model; names where (a JSON pointer). */
public class InvalidEntityException extends ApiException {

	public InvalidEntityException(String message, String pointer) {
		super(HttpStatus.BAD_REQUEST, message + (pointer.isEmpty() ? "" : " at " + pointer));
		with("pointer", pointer);
	}

}
