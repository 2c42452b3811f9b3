package org.cabildo.sensing.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A piece of SQL with its bind parameters, in order. Values never enter the text. */
public record SqlFragment(String text, List<Object> parameters) {

	public static final SqlFragment EMPTY = new SqlFragment("", List.of());

	public SqlFragment {
		parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
	}

	public static SqlFragment of(String text) {
		return new SqlFragment(text, List.of());
	}

	public static SqlFragment bind(Object value) {
		List<Object> parameters = new ArrayList<>(1);
		parameters.add(value);
		return new SqlFragment("?", parameters);
	}

	/** Joins fragments and plain strings into one fragment. */
	public static SqlFragment concat(Object... parts) {
		StringBuilder text = new StringBuilder();
		List<Object> parameters = new ArrayList<>();
		for (Object part : parts) {
			if (part instanceof SqlFragment fragment) {
				text.append(fragment.text);
				parameters.addAll(fragment.parameters);
			}
			else {
				text.append((String) part);
			}
		}
		return new SqlFragment(text.toString(), parameters);
	}

	public static SqlFragment join(String separator, List<SqlFragment> fragments) {
		StringBuilder text = new StringBuilder();
		List<Object> parameters = new ArrayList<>();
		for (int i = 0; i < fragments.size(); i++) {
			if (i > 0) {
				text.append(separator);
			}
			text.append(fragments.get(i).text);
			parameters.addAll(fragments.get(i).parameters);
		}
		return new SqlFragment(text.toString(), parameters);
	}

	public boolean isEmpty() {
		return text.isEmpty();
	}

	@Override
	public String toString() {
		return text + " " + parameters;
	}

}
