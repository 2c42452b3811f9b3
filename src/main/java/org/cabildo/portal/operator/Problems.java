package org.cabildo.portal.operator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The problems of one submitted form, each at its field, and those of the form as a whole.
 * Empty when the form was not submitted or is fine.
 */
final class Problems {

	/** Where a problem that is at no field is kept. */
	static final String FORM = "";

	private final Map<String, Problem> byField = new LinkedHashMap<>();

	static Problems none() {
		return new Problems();
	}

	Problems add(String field, Problem problem) {
		byField.putIfAbsent(field, problem);
		return this;
	}

	/** The problem at a field; null if it has none. */
	public Problem at(String field) {
		return byField.get(field);
	}

	/** The problem of the form as a whole; null if none. */
	public Problem form() {
		return byField.get(FORM);
	}

	public boolean any() {
		return !byField.isEmpty();
	}

	/** Whether a field has a problem: the page marks it {@code aria-invalid}. */
	public boolean invalid(String field) {
		return byField.containsKey(field);
	}

}
