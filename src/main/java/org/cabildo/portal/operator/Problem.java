package org.cabildo.portal.operator;

/**
 * What is wrong with a form's field, or with the whole form: said in the page's language, and
 * with the API's own words (in English) when it was the API that refused.
 *
 * @param text in the page's language
 * @param api the API's words, null when the form itself found the problem
 */
record Problem(String text, String api) {
}
