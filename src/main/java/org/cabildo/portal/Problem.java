package org.cabildo.portal;

/**
 * A page that says why a request was not served: its status, a heading and what to do, in the
 * page's language.
 *
 * @param back where to go from here (a path of the portal)
 */
record Problem(int status, String title, String detail, String back) {
}
