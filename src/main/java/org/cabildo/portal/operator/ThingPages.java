package org.cabildo.portal.operator;

import java.util.List;

/** The records the pages about Things show, every value already written in the page's language. */
final class ThingPages {

	private ThingPages() {
	}

	/** The Things of the operator's organisations, one page of them, and the form that creates one. */
	record Listing(List<Row> things, Pager pager, List<Choice> organisations, NewThing form, Problems problems,
			String notice) {
	}

	/** One Thing as a row of its list and as the heading of its page. */
	record Row(long id, String name, String description, String organisation, String latitude, String longitude) {
	}

	/** A Thing's page: its form, its Datastreams (one page of them) and the form that adds one. */
	record Detail(Row thing, Edit edit, Problems editProblems, List<Stream> datastreams, Pager pager,
			NewDatastream datastream, Problems datastreamProblems, String notice) {
	}

	/** The confirmation asked before a Thing is deleted with its Datastreams. */
	record Deletion(Row thing, String datastreams) {
	}

	/**
	 * A Datastream of a Thing.
	 *
	 * @param collection why it collects nothing, as ingest would refuse its Observations; null when it collects
	 */
	record Stream(long id, String name, String observedProperty, String unit, String sensor, Problem collection) {
	}

	/** The form that creates a Thing, as it was filled in. */
	record NewThing(String organisation, String name, String description, String latitude, String longitude) {

		static NewThing empty(long organisation) {
			return new NewThing(Long.toString(organisation), "", "", "", "");
		}

		NewThing {
			organisation = blankIfNull(organisation);
			name = blankIfNull(name);
			description = blankIfNull(description);
			latitude = blankIfNull(latitude);
			longitude = blankIfNull(longitude);
		}

	}

	/** The form that changes a Thing's name and description. */
	record Edit(String name, String description) {

		Edit {
			name = blankIfNull(name);
			description = blankIfNull(description);
		}

	}

	/** The form that adds a Datastream to a Thing, with a new Sensor and ObservedProperty of its own. */
	record NewDatastream(String name, String description, String observedProperty, String definition,
			String unitName, String unitSymbol, String unitDefinition, String sensor) {

		static NewDatastream empty() {
			return new NewDatastream("", "", "", "", "", "", "", "");
		}

		NewDatastream {
			name = blankIfNull(name);
			description = blankIfNull(description);
			observedProperty = blankIfNull(observedProperty);
			definition = blankIfNull(definition);
			unitName = blankIfNull(unitName);
			unitSymbol = blankIfNull(unitSymbol);
			unitDefinition = blankIfNull(unitDefinition);
			sensor = blankIfNull(sensor);
		}

	}

	static String blankIfNull(String value) {
		return value == null ? "" : value;
	}

}
