package org.cabildo.sensing.web;

import java.util.List;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Property;
import org.cabildo.sensing.sql.ParentLink;

/** What a resource path addresses, once checked against the stored entities. */
sealed interface Target {

	record ServiceRoot() implements Target {
	}

	/** An entity set, or the entities related to one parent through a navigation property. */
	record Collection(EntityType type, ParentLink parent) implements Target {
	}

	record Entity(EntityType type, long id) implements Target {
	}

	/** A property of an entity, or a member inside a JSON property; {@code raw} for {@code $value}. */
	record PropertyValue(Entity entity, Property property, List<String> path, boolean raw) implements Target {
	}

	/** The links ({@code $ref}) of a collection or of a related entity. */
	record References(Target of) implements Target {
	}

}
