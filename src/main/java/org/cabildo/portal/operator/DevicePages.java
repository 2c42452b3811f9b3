package org.cabildo.portal.operator;

import java.util.List;

/** The records the pages about devices show, every value already written in the page's language. */
final class DevicePages {

	private DevicePages() {
	}

	/** The devices of one organisation, one page of them, and the form that creates one. */
	record Listing(List<Choice> organisations, String organisation, long organisationId, List<Row> devices,
			Pager pager, NewDevice form, Problems problems, String notice) {
	}

	/** A device as its list shows it; never its secret. */
	record Row(long id, String name, String created, String expires, String status, String bindings, boolean active) {
	}

	/** A device's page: what it may write to, and the forms that change that or its secret. */
	record Detail(Row device, String organisation, List<Binding> bindings, List<Choice> bindable, Problems problems,
			String notice) {
	}

	/** A Datastream the device may write to. */
	record Binding(long datastream, String name, long thing, String observedProperty) {
	}

	/** The form that creates a device, as it was filled in. */
	record NewDevice(String organisation, String name, String expires) {

		NewDevice {
			organisation = ThingPages.blankIfNull(organisation);
			name = ThingPages.blankIfNull(name);
			expires = ThingPages.blankIfNull(expires);
		}

	}

}
