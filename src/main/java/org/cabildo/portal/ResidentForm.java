package org.cabildo.portal;

/**
 * A form of residents' accounts as a browser sends it, every value as typed (each form sends
 * some of them; the others are null).
 *
 * @param email the address of the account
 * @param password the password chosen (never shown again)
 * @param language the language of the account's mails (es, pt, en)
 * @param link the secret of the link mailed to the address, carried by the form in a hidden field
 * @param issued the signed time the form was served ({@link FormTokens}); the forms that send mail only
 * @param website a trap: hidden from people by the style sheet, and to be left empty
 */
record ResidentForm(String email, String password, String language, String link, String issued, String website) {

	static final ResidentForm EMPTY = new ResidentForm(null, null, null, null, null, null);

	boolean trapped() {
		return website != null && !website.isEmpty();
	}

}
