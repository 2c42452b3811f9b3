package org.cabildo.indicators;

/**
 * One of the city's districts, as the API lists it.
 *
 * @param id the district's code, e.g. INEGI's {@code 09015}
 * @param population its inhabitants, as the imported file says; null when it says nothing
 * @param areaKm2 the area inside its boundary, in km², on a sphere of the Earth's mean radius
 * @param things how many Things are placed in it (their first Location is inside its boundary)
 */
public record District(String id, String name, Long population, double areaKm2, long things) {
}
