/**
 * Bringing a city's stations and history in: a mapping file (YAML) says how a city's CSV or
 * GeoJSON files become Things, Datastreams and Observations; {@link org.cabildo.importing.Importer}
 * reads them and hands entities and rows to a sink. {@code ./cabildo import} is that core with a
 * sink that speaks the SensorThings API over HTTP ({@link org.cabildo.importing.ImportCommand}, a
 * plain main: no Spring context, no database); the demo loader is the same core with a sink in
 * the server's process. That core depends on no other module: it is a client of the platform.
 * {@code web} is the same import as an API ({@code POST /api/imports}): the core, run in the
 * server as the caller who uploaded the files, through the sensing and governance APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Import", allowedDependencies = { "sensing", "identity",
		"governance", "platform" })
package org.cabildo.importing;
