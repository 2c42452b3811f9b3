/**
 * The sensor data hub: the OGC SensorThings API 1.1 data model, its query language, and the
 * storage and serving of Things, Datastreams and Observations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sensing", allowedDependencies = "platform")
package org.cabildo.sensing;
