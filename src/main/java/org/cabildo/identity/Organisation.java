package org.cabildo.identity;

/** An organisation accountable for Things and Datastreams: a city office, a university lab, an operator. */
public record Organisation(long id, String name) {
}
