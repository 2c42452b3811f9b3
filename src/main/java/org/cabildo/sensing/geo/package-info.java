/**
 * GeoJSON (RFC 7946) read into and written from JTS geometries; other modules that draw or
 * measure places (the portal's map) use it rather than a reader of their own.
 */
@org.springframework.modulith.NamedInterface("geo")
package org.cabildo.sensing.geo;
