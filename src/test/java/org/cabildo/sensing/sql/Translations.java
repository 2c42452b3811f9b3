package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.query.FilterParser;
import org.cabildo.sensing.query.QueryException;

/** Shortcuts from filter text to SQL, for the translator tests. */
final class Translations {

	static final OffsetDateTime NOW = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC);

	static final Clock CLOCK = Clock.fixed(Instant.from(NOW), ZoneOffset.UTC);

	private Translations() {
	}

	static ExpressionTranslator translator(String database) {
		return translator(database, new FakeGeometryMatcher());
	}

	static ExpressionTranslator translator(String database, GeometryMatcher geometries) {
		return new ExpressionTranslator(Dialect.of(database), geometries, CLOCK);
	}

	/** The condition of a $filter on the rows of {@code t0}, as on H2. */
	static SqlFragment filter(EntityType type, String filter) {
		return filter("H2", type, filter);
	}

	static SqlFragment filter(String database, EntityType type, String filter) {
		return filter(translator(database), type, filter);
	}

	static SqlFragment filter(ExpressionTranslator translator, EntityType type, String filter) {
		SqlFragment sql = translator.condition(type, SelectBuilder.ALIAS, FilterParser.parse(filter), "$filter",
				new Aliases());
		assertPlaceholdersMatchParameters(sql);
		return sql;
	}

	static QueryException filterError(EntityType type, String filter) {
		return catchThrowableOfType(QueryException.class, () -> filter(type, filter));
	}

	static List<SqlFragment> orderBy(EntityType type, String orderBy) {
		List<SqlFragment> keys = translator("H2").orderBy(type, SelectBuilder.ALIAS, FilterParser.parseOrderBy(orderBy),
				"$orderby", new Aliases());
		keys.forEach(Translations::assertPlaceholdersMatchParameters);
		return keys;
	}

	static QueryException orderByError(EntityType type, String orderBy) {
		return catchThrowableOfType(QueryException.class, () -> orderBy(type, orderBy));
	}

	/** Every value travels as a bind parameter: one '?' in the text for each. */
	static void assertPlaceholdersMatchParameters(SqlFragment sql) {
		assertThat(sql.text().chars().filter(c -> c == '?').count()).as(sql.toString())
			.isEqualTo(sql.parameters().size());
	}

}
