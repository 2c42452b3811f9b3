package org.cabildo.sensing.web;

import java.util.ArrayList;
import java.util.List;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.ReadScope;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.model.Property;
import org.cabildo.sensing.sql.ParentLink;
import org.cabildo.sensing.store.EntityReader;
import org.cabildo.sensing.web.ResourcePath.Named;
import org.cabildo.sensing.web.ResourcePath.Segment;
import org.springframework.stereotype.Component;

/**
 * Walks a resource path segment by segment, answering 404 where an entity is missing, and 403
 * where the path goes through an Observation the reader may not read.
 */
@Component
class PathResolver {

	private final EntityReader reader;

	PathResolver(EntityReader reader) {
		this.reader = reader;
	}

	Target resolve(ResourcePath path, ReadScope scope) {
		List<Segment> segments = path.segments();
		if (segments.isEmpty()) {
			return new Target.ServiceRoot();
		}
		if (!(segments.get(0) instanceof Named first)) {
			throw ApiException.notFound("a path starts with an entity set such as Things");
		}
		EntityType type = EntityType.bySetName(first.name())
			.orElseThrow(() -> ApiException.notFound("there is no entity set '" + first.name() + "'"));
		Target target = first.key() == null ? new Target.Collection(type, null) : entity(type, first.key(), null);
		for (int i = 1; i < segments.size(); i++) {
			Segment segment = segments.get(i);
			boolean reachedByNavigation = i > 1;
			target = switch (target) {
				case Target.Entity entity when segment instanceof ResourcePath.Ref && reachedByNavigation ->
					new Target.References(entity);
				case Target.Entity entity -> {
					// What is reached through a hidden Observation would tell that it exists, and when.
					reader.refuseIfHidden(scope, entity.type(), entity.id());
					yield fromEntity(entity, segments, i);
				}
				case Target.Collection collection when segment instanceof ResourcePath.Ref -> new Target.References(
						collection);
				case Target.PropertyValue value -> fromProperty(value, segment);
				default -> throw ApiException.badRequest("nothing can follow " + describe(segments, i));
			};
			if (target instanceof Target.PropertyValue value && value.property() != null && i < segments.size() - 1
					&& !(segments.get(i + 1) instanceof ResourcePath.Value) && !value.property().isJson()) {
				throw ApiException.badRequest("'" + value.property().name() + "' has no members");
			}
		}
		return target;
	}

	private Target fromEntity(Target.Entity entity, List<Segment> segments, int index) {
		Segment segment = segments.get(index);
		if (!(segment instanceof Named named)) {
			throw ApiException.badRequest("$ref and $value follow a navigation property or a property");
		}
		var navigation = entity.type().navigation(named.name());
		if (navigation.isPresent()) {
			return navigate(entity, navigation.get(), named);
		}
		if (named.key() != null) {
			throw ApiException.notFound("'" + named.name() + "' is not a navigation property of "
					+ entity.type().entityName());
		}
		if (named.name().equals("id") || named.name().equals("@iot.id")) {
			Property id = entity.type().property("id").orElseThrow();
			return new Target.PropertyValue(entity, id, List.of(), false);
		}
		Property property = entity.type()
			.property(named.name())
			.orElseThrow(() -> ApiException.notFound("'" + named.name() + "' is not a property of "
					+ entity.type().entityName()));
		return new Target.PropertyValue(entity, property, List.of(), false);
	}

	private Target navigate(Target.Entity entity, Navigation navigation, Named named) {
		if (!navigation.toMany()) {
			if (named.key() != null) {
				throw ApiException.badRequest("'" + navigation.name() + "' is a single entity and takes no id");
			}
			Long id = reader.foreignKey(entity.type(), entity.id(), navigation)
				// An Observation's stream id names a Datastream or a MultiDatastream: it has only the one.
				.filter(target -> !navigation.target().sharesTable() || reader.exists(navigation.target(), target))
				.orElseThrow(() -> ApiException.notFound(entity.type().entityName() + " " + entity.id() + " has no "
						+ navigation.name()));
			return new Target.Entity(navigation.target(), id);
		}
		ParentLink parent = new ParentLink(navigation, entity.id());
		if (named.key() == null) {
			return new Target.Collection(navigation.target(), parent);
		}
		return entity(navigation.target(), named.key(), parent);
	}

	private Target.Entity entity(EntityType type, long id, ParentLink parent) {
		boolean found = parent == null ? reader.exists(type, id) : reader.isRelated(parent, type, id);
		if (!found) {
			throw ApiException.notFound(type.entityName() + " " + id + " does not exist"
					+ (parent == null ? "" : " in this collection"));
		}
		return new Target.Entity(type, id);
	}

	private Target fromProperty(Target.PropertyValue value, Segment segment) {
		if (value.raw()) {
			throw ApiException.badRequest("nothing can follow $value");
		}
		if (segment instanceof ResourcePath.Value) {
			return new Target.PropertyValue(value.entity(), value.property(), value.path(), true);
		}
		if (segment instanceof Named named && named.key() == null) {
			List<String> path = new ArrayList<>(value.path());
			path.add(named.name());
			return new Target.PropertyValue(value.entity(), value.property(), path, false);
		}
		throw ApiException.badRequest("a property is followed only by a member name or $value");
	}

	private static String describe(List<Segment> segments, int index) {
		return switch (segments.get(index - 1)) {
			case Named named -> "'" + named.name() + "'";
			case ResourcePath.Ref ignored -> "$ref";
			case ResourcePath.Value ignored -> "$value";
		};
	}

}
