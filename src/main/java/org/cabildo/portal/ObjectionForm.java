package org.cabildo.portal;

/**
 * The objection form as a browser sends it.
 *
 * @param category what it is about (purpose, necessity, retention, location, access, other)
 * @param text the objection or question
 * @param contact how to reach its author, if they wish (shown to the owner's stewards only)
 * @param issued the signed time the form was served ({@link FormTokens})
 * @param website a trap: hidden from people by the style sheet, and to be left empty
 */
record ObjectionForm(String category, String text, String contact, String issued, String website) {

	static final ObjectionForm EMPTY = new ObjectionForm(null, null, null, null, null);

}
