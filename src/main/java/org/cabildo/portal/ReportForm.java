package org.cabildo.portal;

/**
 * The report form as a browser sends it, every value as typed; the answers to the services'
 * questions come apart ({@link ReportFormPage#answers}), since their names hold the service's code.
 *
 * @param service the code of the service chosen (what the problem is)
 * @param lat the latitude of the map's pin, filled by the script; empty without it
 * @param lon the longitude of the map's pin
 * @param address the address or a landmark, as the resident wrote it
 * @param district the code of the district chosen: where the report is placed when there is no pin
 * @param email where the office may answer, if the resident wishes (never shown)
 * @param gender what the resident chose to say of themselves (counted apart, only in aggregate)
 * @param ageBand the same, their age band
 * @param issued the signed time the form was served ({@link FormTokens})
 * @param website a trap: hidden from people by the style sheet, and to be left empty
 */
record ReportForm(String service, String description, String lat, String lon, String address, String district,
		String email, String gender, String ageBand, String issued, String website) {

	static final ReportForm EMPTY = new ReportForm(null, null, null, null, null, null, null, null, null, null, null);

}
