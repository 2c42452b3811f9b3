/**
 * Bringing a city's stations and history in: a mapping file (YAML) says how a city's CSV or
 * GeoJSON files become Things, Datastreams and Observations; {@link org.cabildo.importing.Importer}
 * reads them and hands entities and rows to a sink. {@code ./cabildo import} is that core with a
 * sink that speaks the SensorThings API over HTTP ({@link org.cabildo.importing.ImportCommand}, a
 * plain main: no Spring context, no database); the demo loader is the same core with a sink in
 * the server's process. The module depends on no other: it is a client of the platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Import", allowedDependencies = {})
package org.cabildo.importing;
