package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Property;
import org.cabildo.sensing.sql.SelectBuilder.Columns;
import org.junit.jupiter.api.Test;

class SelectBuilderTest {

	private static Columns columns(EntityType type, String... names) {
		return Columns.of(type, List.of(names).stream().map(name -> type.property(name).orElseThrow()).toList());
	}

	@Test
	void readsTheIdThenThePropertyColumnsThenTheForeignKeys() {
		SqlFragment sql = SelectBuilder.page(EntityType.DATASTREAM, columns(EntityType.DATASTREAM, "id", "name",
				"phenomenonTime"), List.of(), List.of(), 10, 0);
		assertThat(sql.text()).startsWith("SELECT t0.id, t0.name, t0.phenomenon_time_start, t0.phenomenon_time_end, "
				+ "t0.thing_id, t0.sensor_id, t0.observed_property_id FROM datastreams t0");
	}

	@Test
	void limitAndOffsetAreLiteralsSoThatPostgresqlCachesTheGenericPlan() {
		SqlFragment condition = Translations.filter(EntityType.THING, "name eq 'x'");
		SqlFragment sql = SelectBuilder.page(EntityType.THING, columns(EntityType.THING, "name"), List.of(condition),
				List.of(), 25, 50);
		assertThat(sql.text()).contains(" WHERE (t0.name = ?)").endsWith(" LIMIT 25 OFFSET 50");
		assertThat(sql.parameters()).containsExactly("x");
	}

	@Test
	void conditionsAreAllRequired() {
		SqlFragment sql = SelectBuilder.count(EntityType.THING,
				List.of(SqlFragment.of("(a)"), SqlFragment.of("(b)")));
		assertThat(sql.text()).isEqualTo("SELECT COUNT(*) FROM things t0 WHERE (a) AND (b)");
	}

	@Test
	void withoutOrderByThePageIsStable() {
		assertThat(SelectBuilder.page(EntityType.THING, columns(EntityType.THING), List.of(), List.of(), 1, 0).text())
			.contains(" ORDER BY t0.id ASC LIMIT");
		assertThat(SelectBuilder.page(EntityType.OBSERVATION, columns(EntityType.OBSERVATION), List.of(), List.of(), 1, 0)
			.text()).contains(" ORDER BY t0.phenomenon_time ASC, t0.id ASC LIMIT");
	}

	@Test
	void anOrderByIsCompletedWithTheIdToBreakTies() {
		List<SqlFragment> keys = Translations.orderBy(EntityType.THING, "name desc");
		assertThat(SelectBuilder.page(EntityType.THING, columns(EntityType.THING), List.of(), keys, 1, 0).text())
			.contains(" ORDER BY t0.name DESC, t0.id ASC LIMIT");
		List<SqlFragment> byId = Translations.orderBy(EntityType.THING, "id desc");
		assertThat(SelectBuilder.page(EntityType.THING, columns(EntityType.THING), List.of(), byId, 1, 0).text())
			.contains(" ORDER BY t0.id DESC LIMIT");
	}

	@Test
	void theIdIsNotReadTwice() {
		Columns columns = columns(EntityType.THING, "id", "name");
		assertThat(columns.properties()).extracting(Property::name).containsExactly("name");
	}

}
