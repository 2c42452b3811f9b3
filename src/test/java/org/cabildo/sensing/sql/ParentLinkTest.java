package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Collections addressed through a parent, such as Things(1)/Datastreams, run on H2. */
class ParentLinkTest {

	private static H2Database database;

	@BeforeAll
	static void createData() {
		database = new H2Database();
		Rows rows = new Rows(database);
		rows.thing(1, "T1");
		rows.thing(2, "T2");
		rows.location(1, "A", 1);
		rows.location(2, "B", 1, 2);
		rows.datastream(11, 1, "d11");
		rows.datastream(12, 1, "d12");
		rows.datastream(21, 2, "d21");
	}

	@AfterAll
	static void dropData() {
		database.close();
	}

	@ParameterizedTest(name = "{0}({2})/{1}")
	@CsvSource({ "THING, Datastreams, 1, '11,12'", "THING, Datastreams, 2, 21", "THING, Locations, 1, '1,2'",
			"THING, Locations, 2, 2", "LOCATION, Things, 2, '1,2'", "DATASTREAM, Thing, 21, 2",
			"DATASTREAM, Thing, 11, 1" })
	void selectsTheEntitiesRelatedToTheParent(EntityType parent, String navigationName, long parentId,
			String expected) {
		Navigation navigation = parent.navigation(navigationName).orElseThrow();
		SqlFragment condition = new ParentLink(navigation, parentId).condition(SelectBuilder.ALIAS);
		assertThat(condition.parameters()).containsExactly(parentId);
		assertThat(database.ids(navigation.target(), condition))
			.containsExactlyElementsOf(java.util.Arrays.stream(expected.split(",")).map(Long::valueOf).toList());
	}

}
