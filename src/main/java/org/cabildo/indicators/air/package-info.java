/**
 * The science of the air the platform speaks of: pollutants and their units, the WHO 2021
 * guideline levels, and local air-quality indices (their categories and band tables). Used by the
 * indicators built here and by the portal, which colours values by them.
 */
@org.springframework.modulith.NamedInterface("air")
package org.cabildo.indicators.air;
