package org.cabildo.portal.steward;

import java.util.List;

/**
 * What a form sent wrong, each problem at the field it is about (or at the form as a whole), in
 * the page's language; none on a form not yet sent.
 *
 * @param all every problem, in the order the service listed them
 */
public record FieldProblems(List<Problem> all) {

	/** The field name of a problem about the form as a whole. */
	static final String FORM = "form";

	public static final FieldProblems NONE = new FieldProblems(List.of());

	public FieldProblems {
		all = List.copyOf(all);
	}

	/**
	 * @param pointer where in the service's body the problem is (a JSON pointer); null for the body as a whole
	 * @param field the form field's name ({@value #FORM} for the form as a whole)
	 */
	public record Problem(String pointer, String field, String text) {
	}

	public boolean any() {
		return !all.isEmpty();
	}

	/** Whether a field has a problem. */
	public boolean at(String field) {
		return all.stream().anyMatch(problem -> problem.field().equals(field));
	}

	/** The problems of a field, in one sentence each. */
	public List<String> of(String field) {
		return all.stream().filter(problem -> problem.field().equals(field)).map(Problem::text).toList();
	}

}
