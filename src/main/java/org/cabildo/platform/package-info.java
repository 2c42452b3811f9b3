/**
 * What every module builds on: settings of the platform as a whole, the clock, and the
 * errors a request can fail with, mapped once to JSON problem bodies (RFC 9457).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.cabildo.platform;
