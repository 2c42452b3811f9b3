package org.cabildo.sensing.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.model.Property;
import org.cabildo.sensing.query.QueryException;

/**
 * What {@code $select} keeps of an entity: properties, navigation links, and whether the
 * control information ({@code @iot.id}, {@code @iot.selfLink}) is written.
 */
public record Selection(List<Property> properties, Set<String> navigations, boolean all, boolean id,
		boolean selfLink) {

	public static Selection of(EntityType type, List<String> select, String option) {
		if (select.isEmpty()) {
			Set<String> navigations = new LinkedHashSet<>();
			type.navigations().forEach(n -> navigations.add(n.name()));
			return new Selection(type.properties(), navigations, true, true, true);
		}
		List<Property> properties = new ArrayList<>();
		Set<String> navigations = new LinkedHashSet<>();
		boolean id = false;
		boolean selfLink = false;
		for (String name : select) {
			switch (name) {
				case "id", "@iot.id" -> id = true;
				case "@iot.selfLink", "selfLink" -> selfLink = true;
				default -> {
					var property = type.property(name);
					var navigation = type.navigation(name);
					if (property.isPresent()) {
						if (!properties.contains(property.get())) {
							properties.add(property.get());
						}
					}
					else if (navigation.isPresent()) {
						navigations.add(navigation.get().name());
					}
					else {
						throw new QueryException("'" + name + "' in " + option + " is not a property of "
								+ type.entityName(), option);
					}
				}
			}
		}
		return new Selection(properties, navigations, false, id, selfLink);
	}

	public boolean includes(Navigation navigation) {
		return navigations.contains(navigation.name());
	}

}
