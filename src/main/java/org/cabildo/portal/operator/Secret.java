package org.cabildo.portal.operator;

/**
 * The page that shows a secret just made, the only one that ever shows it: a device's (its bearer
 * token and MQTT password) or a personal API token.
 *
 * @param heading what was made
 * @param secret the secret itself
 * @param expires when it stops working, or that it does not
 * @param use how it is used
 * @param back where to go next
 * @param backLabel the link's words
 */
record Secret(String heading, String secret, String expires, String use, String back, String backLabel) {
}
