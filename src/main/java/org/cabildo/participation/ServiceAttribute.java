package org.cabildo.participation;

import java.util.List;

/**
 * A question a service asks of the reporter (an Open311 attribute).
 *
 * @param datatype as the standard names it: string, number, datetime, text, singlevaluelist, multivaluelist
 * @param values the keys and names allowed, for the two list types
 */
public record ServiceAttribute(String code, Datatype datatype, boolean required, String description,
		String datatypeDescription, int order, List<Value> values) {

	public ServiceAttribute {
		values = List.copyOf(values);
	}

	public boolean allows(String key) {
		return values.stream().anyMatch(v -> v.key().equals(key));
	}

	/** One of the answers a list attribute allows. */
	public record Value(String key, String name) {
	}

	/** The standard's datatypes. */
	public enum Datatype {

		STRING, NUMBER, DATETIME, TEXT, SINGLEVALUELIST, MULTIVALUELIST;

		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		public boolean isList() {
			return this == SINGLEVALUELIST || this == MULTIVALUELIST;
		}

	}

}
