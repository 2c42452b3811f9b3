package org.cabildo.portal.operator;

/** One option of a select, or one of several links of which one is current. */
record Choice(String value, String label, boolean selected) {
}
