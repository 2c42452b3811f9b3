package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.function.Predicate;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.query.FilterParser;
import org.cabildo.sensing.query.QueryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Geospatial conditions are evaluated in Java by a GeometryMatcher; the SQL only receives the
 * ids it found. Here the matcher is a fake that keeps the predicate, which is then tried on
 * JTS geometries.
 */
class GeometryTranslationTest {

	private static final String SQUARE = "geography'POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))'";

	private final FakeGeometryMatcher matcher = new FakeGeometryMatcher();

	private SqlFragment filter(EntityType type, String filter) {
		return Translations.filter(Translations.translator("H2", matcher), type, filter);
	}

	private QueryException error(EntityType type, String filter) {
		return catchThrowableOfType(QueryException.class, () -> filter(type, filter));
	}

	private Predicate<Geometry> predicateOf(String filter) {
		filter(EntityType.LOCATION, filter);
		return matcher.onlyCall().predicate();
	}

	private static Geometry wkt(String text) {
		try {
			return new WKTReader().read(text);
		}
		catch (ParseException e) {
			throw new IllegalArgumentException(e);
		}
	}

	@Test
	void theMatcherIsAskedAboutTheGeometryPropertyAndItsIdsBecomeAParameter() {
		SqlFragment sql = filter(EntityType.LOCATION, "st_within(location, " + SQUARE + ")");
		FakeGeometryMatcher.Call call = matcher.onlyCall();
		assertThat(call.type()).isEqualTo(EntityType.LOCATION);
		assertThat(call.property().name()).isEqualTo("location");
		assertThat(sql.text()).isEqualTo("t0.id = ANY(?)");
		assertThat(sql.parameters()).singleElement().isEqualTo(new Long[] { 3L, 7L });
		assertThat(sql.text()).doesNotContain("POLYGON");
	}

	@Test
	void aGeometryBehindANavigationPathIsMatchedOnItsOwnEntityAndJoined() {
		SqlFragment sql = filter(EntityType.THING, "st_within(Locations/location, " + SQUARE + ")");
		assertThat(matcher.onlyCall().type()).isEqualTo(EntityType.LOCATION);
		assertThat(sql.text()).matches("t0\\.id IN \\(SELECT (l\\d+)\\.thing_id FROM thing_locations \\1 JOIN locations "
				+ "(j\\d+) ON \\2\\.id = \\1\\.location_id WHERE \\2\\.id = ANY\\(\\?\\)\\)");
	}

	@Test
	void anObservationReachesTheGeometryOfItsFeature() {
		filter(EntityType.OBSERVATION, "st_intersects(FeatureOfInterest/feature, " + SQUARE + ")");
		FakeGeometryMatcher.Call call = matcher.onlyCall();
		assertThat(call.type()).isEqualTo(EntityType.FEATURE_OF_INTEREST);
		assertThat(call.property().name()).isEqualTo("feature");
	}

	@Test
	void aGeometryConditionCombinesWithOtherConditions() {
		SqlFragment sql = filter(EntityType.LOCATION, "st_within(location, " + SQUARE + ") and name eq 'x'");
		assertThat(sql.text()).isEqualTo("(t0.id = ANY(?) AND (t0.name = ?))");
		assertThat(sql.parameters()).hasSize(2).last().isEqualTo("x");
		assertThat(filter(EntityType.LOCATION, "not st_within(location, " + SQUARE + ")").text())
			.isEqualTo("NOT (t0.id = ANY(?))");
	}

	@ParameterizedTest(name = "{0}({1}, {2}) = {3}")
	@CsvSource(delimiter = '|', value = { "st_within | POINT (5 5) | square | true",
			"st_within | POINT (15 5) | square | false", "st_within | POINT (10 5) | square | false",
			"st_contains | POLYGON ((-1 -1, 11 -1, 11 11, -1 11, -1 -1)) | square | true",
			"st_contains | POINT (5 5) | square | false",
			"st_intersects | LINESTRING (5 5, 20 20) | square | true",
			"st_intersects | LINESTRING (20 20, 30 30) | square | false",
			"geo.intersects | POINT (10 5) | square | true", "geo.intersects | POINT (11 5) | square | false",
			"st_disjoint | POINT (11 5) | square | true", "st_disjoint | POINT (5 5) | square | false",
			"st_touches | POINT (10 5) | square | true", "st_touches | POINT (5 5) | square | false",
			"st_equals | POLYGON ((10 10, 0 10, 0 0, 10 0, 10 10)) | square | true",
			"st_equals | POLYGON ((0 0, 5 0, 5 5, 0 5, 0 0)) | square | false",
			"st_overlaps | POLYGON ((5 5, 15 5, 15 15, 5 15, 5 5)) | square | true",
			"st_overlaps | POLYGON ((1 1, 2 1, 2 2, 1 2, 1 1)) | square | false",
			"st_crosses | LINESTRING (5 5, 20 5) | square | true", "st_crosses | LINESTRING (1 1, 2 2) | square | false" })
	void relationsFollowTheSimpleFeaturesDefinitions(String function, String location, String other,
			boolean expected) {
		String literal = other.equals("square") ? SQUARE : "geography'" + other + "'";
		Predicate<Geometry> predicate = predicateOf(function + "(location, " + literal + ")");
		assertThat(predicate.test(wkt(location))).isEqualTo(expected);
	}

	@Test
	void theGeometryPropertyMayBeEitherArgument() {
		Predicate<Geometry> predicate = predicateOf("st_contains(" + SQUARE + ", location)");
		assertThat(predicate.test(wkt("POINT (5 5)"))).isTrue();
		assertThat(predicate.test(wkt("POINT (50 5)"))).isFalse();
	}

	@ParameterizedTest(name = "{0} for POINT (3 4)")
	@CsvSource(delimiter = '|', value = { "geo.distance(location, geography'POINT (0 0)') lt 5 | false",
			"geo.distance(location, geography'POINT (0 0)') le 5 | true",
			"geo.distance(location, geography'POINT (0 0)') eq 5 | true",
			"geo.distance(location, geography'POINT (0 0)') gt 4.9 | true",
			"geo.distance(location, geography'POINT (0 0)') ne 5 | false",
			"5 gt geo.distance(location, geography'POINT (0 0)') | false",
			"5 ge geo.distance(location, geography'POINT (0 0)') | true",
			"geo.distance(geography'POINT (3 0)', location) eq 4 | true",
			"geo.length(location) eq 0 | true" })
	void distancesAreMeasuredInCoordinateUnits(String filter, boolean expected) {
		assertThat(predicateOf(filter).test(wkt("POINT (3 4)"))).isEqualTo(expected);
	}

	@Test
	void lengthOfALine() {
		filter(EntityType.FEATURE_OF_INTEREST, "geo.length(feature) gt 4.9");
		Predicate<Geometry> predicate = matcher.onlyCall().predicate();
		assertThat(predicate.test(wkt("LINESTRING (0 0, 3 4)"))).isTrue();
		assertThat(predicate.test(wkt("LINESTRING (0 0, 3 3)"))).isFalse();
	}

	@Test
	void stRelateUsesTheGivenPattern() {
		Predicate<Geometry> within = predicateOf("st_relate(location, " + SQUARE + ", 'T*F**F***')");
		assertThat(within.test(wkt("POINT (5 5)"))).isTrue();
		assertThat(within.test(wkt("POINT (50 5)"))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "'T**'", "'T*F**F****'", "'TXF**F***'", "1", "geography'POINT (1 1)'" })
	void stRelateRefusesAnythingButANinePositionPattern(String pattern) {
		String filter = "st_relate(location, " + SQUARE + ", " + pattern + ")";
		QueryException error = error(EntityType.LOCATION, filter);
		assertThat(error).isNotNull();
		assertThat(error.position()).isEqualTo(filter.lastIndexOf(pattern));
		assertThat(error.getMessage()).contains("DE-9IM");
		assertThat(matcher.calls).isEmpty();
	}

	@Test
	void aSridPrefixIsAccepted() {
		Predicate<Geometry> predicate = predicateOf("st_within(location, geography'SRID=4326;POLYGON((0 0, 10 0, "
				+ "10 10, 0 10, 0 0))')");
		assertThat(predicate.test(wkt("POINT (5 5)"))).isTrue();
	}

	@Test
	void invalidWellKnownTextIsA400AtTheLiteral() {
		String filter = "st_within(location, geography'POLYGON((0 0, 1 1')";
		QueryException error = error(EntityType.LOCATION, filter);
		assertThat(error.position()).isEqualTo(20);
		assertThat(error.getMessage()).contains("invalid WKT");
	}

	/** JTS refuses these with an assertion error of its own, not a parse error (found by TranslationPropertiesTest). */
	@ParameterizedTest
	@ValueSource(strings = { "POINT(0 0, 1 0, 1 1, 0 0)", "POINT(0 0, 1 1)" })
	void wellKnownTextJtsRefusesByAssertionIsA400AtTheLiteral(String wkt) {
		QueryException error = error(EntityType.LOCATION, "st_within(location, geography'" + wkt + "')");
		assertThat(error.position()).isEqualTo(20);
		assertThat(error.getMessage()).contains("invalid WKT");
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = { "LOCATION | st_within(name, " + SQUARE + ") | not a geometry property",
			"LOCATION | st_within(location, 'POINT (1 1)') | geography",
			"LOCATION | st_equals(location, location) | exactly one geometry property",
			"LOCATION | geo.distance(location, " + SQUARE + ") lt 'x' | compared with a number",
			"LOCATION | geo.distance(location, " + SQUARE + ") | must be a st_* or geo.intersects function",
			"THING | st_within(Datastreams, " + SQUARE + ") | not a geometry property",
			"THING | st_within(nope/location, " + SQUARE + ") | not a path to a geometry" })
	void misusedGeospatialFunctionsAreA400(EntityType type, String filter, String message) {
		QueryException error = error(type, filter);
		assertThat(error).as(filter).isNotNull();
		assertThat(error.getMessage()).contains(message);
		assertThat(error.position()).isBetween(0, filter.length());
	}

	@Test
	void aGeospatialFunctionCannotBeASortKey() {
		QueryException error = catchThrowableOfType(QueryException.class, () -> Translations.translator("H2", matcher)
			.orderBy(EntityType.LOCATION, "t0", FilterParser.parseOrderBy("st_within(location, " + SQUARE + ")"),
					"$orderby", new Aliases()));
		assertThat(error.getMessage()).contains("st_within can only be used in a $filter condition");
	}

	@Test
	void aGeospatialFunctionNestedInsideAnotherConditionIsA400() {
		QueryException error = error(EntityType.LOCATION,
				"(st_within(location, " + SQUARE + ") eq true or name eq 'x') eq true");
		assertThat(error.getMessage()).contains("st_within can only be used in a $filter condition");
		assertThat(error.position()).isEqualTo(1);
	}

}
