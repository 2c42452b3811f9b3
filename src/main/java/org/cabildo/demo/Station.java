package org.cabildo.demo;

import java.util.List;

/** A RAMA monitoring station, one row of {@code stations.csv}. */
record Station(String id, String name, double latitude, double longitude, double altitude, boolean inCdmx,
		String districtId, String nationalId, List<String> pollutants, String comment) {

	static Station parse(String line) {
		String[] f = line.split(",", -1);
		return new Station(f[0], f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
				Boolean.parseBoolean(f[6]), f[7], f[8], f[9].isEmpty() ? List.of() : List.of(f[9].split(";")), f[10]);
	}

}
