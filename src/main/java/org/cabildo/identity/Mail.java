package org.cabildo.identity;

/** A plain-text mail to one address. */
public record Mail(String to, String subject, String text) {

	/** A mail before it has an address. */
	record Draft(String subject, String text) {
	}

}
