package org.cabildo.portal.steward;

/**
 * One choice of a form (a checkbox, a radio button, an option of a list), labelled in the page's
 * language.
 *
 * @param id the input's id, unique in the page (for its label)
 */
public record Option(String value, String label, boolean selected, String id) {
}
