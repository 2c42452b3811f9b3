package org.cabildo.portal;

import java.util.List;

/**
 * The report form as the page shows it: the city's services with their questions, the districts,
 * what was typed (when the form comes back refused), each problem at its field, and what the
 * script needs for the map's pin; every word already in the page's language.
 *
 * @param issued the form's token ({@link FormTokens})
 * @param services every service, each with its questions (all shown without the script, which
 *        then shows the chosen service's only)
 * @param districts the city's districts, for the select; empty when the city has none
 * @param problems what was refused, at its field; none on a form served fresh
 * @param map where the script finds the map's layers; null when the city has no districts to frame
 *        it, and the form is filled without the map
 */
record ReportFormView(String issued, List<Service> services, List<Option> districts, String description,
		String address, String lat, String lon, String email, List<Option> genders, List<Option> ageBands,
		Problems problems, MapLayers map) {

	/**
	 * A service residents may report.
	 *
	 * @param id the radio button's id
	 * @param questions its questions, in order; the fieldset's id is {@code id + "-questions"}
	 */
	record Service(String id, String code, String name, String description, boolean selected,
			List<Question> questions) {
	}

	/**
	 * A question of a service (an Open311 attribute).
	 *
	 * @param id the field's id
	 * @param name the field's name: {@code answer[service][attribute]}
	 * @param type the input's type (text, number, datetime-local) or {@code select} for a list
	 * @param hint what the answer looks like; null when the service says nothing of it
	 * @param value the answer as typed, for a form that comes back
	 * @param options a list's answers, the first "choose one"
	 * @param problem what is wrong with the answer; null when nothing
	 */
	record Question(String id, String name, String label, boolean required, String type, String hint, String value,
			List<Option> options, String problem) {

		public boolean isSelect() {
			return "select".equals(type);
		}

	}

	/** One option of a select. */
	record Option(String value, String label, boolean selected) {
	}

	/**
	 * The street map under the pin, as the sensor map draws it.
	 *
	 * @param districts the address of the districts' simplified GeoJSON
	 * @param tiles a street map's tile URL template; empty when none is set
	 */
	record MapLayers(String districts, String attribution, String tiles, String tilesAttribution) {
	}

	/**
	 * What was refused, each problem at its field (the form's field ids; {@code form} for the
	 * form as a whole, {@code where} for the place).
	 */
	record Problems(List<Problem> all) {

		static final Problems NONE = new Problems(List.of());

		public boolean any() {
			return !all.isEmpty();
		}

		public boolean at(String field) {
			return all.stream().anyMatch(p -> p.field().equals(field));
		}

		public String of(String field) {
			return all.stream().filter(p -> p.field().equals(field)).map(Problem::text).findFirst().orElse(null);
		}

	}

	/** A problem at a field. */
	record Problem(String field, String text) {
	}

}
