package org.cabildo.portal.steward;

import java.util.List;
import java.util.Set;

/**
 * The declaration form of a stream, filled with its current declaration, or with what the steward
 * sent and the problems the register found in it; everything in the page's language.
 *
 * @param name the stream's name (its Thing's and its own)
 * @param first whether the stream has no declaration yet
 * @param current the current version, who wrote it and when; null for a first declaration
 * @param saved whether the page confirms a version just saved
 * @param anchored the fields on this form, which the list of problems links to
 * @param terms the DTPR terms to choose from, one group per list of the declaration
 * @param stages the stages a first declaration may start at; empty for later versions
 * @param pilot whether the form shows a pilot's area and end date
 * @param sharing the organisations the stream is shared with, and for what (kept by a new version)
 * @param removes what the new retention removes, to confirm; null when there is nothing to confirm
 */
public record DeclarationPage(long datastream, String name, boolean first, String current, boolean saved,
		DeclarationForm form, FieldProblems problems, Set<String> anchored, List<Terms> terms,
		List<Option> classes, List<Option> levels, List<Option> keeps, List<Option> stages, boolean pilot,
		List<String> sharing, Removal removes) {

	/** A list of the declaration as checkboxes: the form field, its legend and the terms. */
	public record Terms(String field, String legend, List<Option> options) {
	}

	/**
	 * What a change of retention removes, for the steward to confirm.
	 *
	 * @param observations the number the register asks to be confirmed, as the form sends it
	 * @param label the confirmation's label, with the number in the page's language
	 */
	public record Removal(String observations, String label) {
	}

}
