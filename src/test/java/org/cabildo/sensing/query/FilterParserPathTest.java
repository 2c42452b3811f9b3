package org.cabildo.sensing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.query.Exprs.parse;
import static org.cabildo.sensing.query.Exprs.parseError;
import static org.cabildo.sensing.query.Exprs.path;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FilterParserPathTest {

	private static Expr left(String filter) {
		return ((Expr.Comparison) parse(filter)).left();
	}

	@Test
	void aPropertyName() {
		assertThat(left("name eq 'x'")).isEqualTo(path("name"));
	}

	@Test
	void aPathThroughNavigationProperties() {
		assertThat(left("Datastream/Thing/name eq 'x'")).isEqualTo(path("Datastream", "Thing", "name"));
		assertThat(((Expr.Path) left("Datastream/Thing/name eq 'x'")).segments())
			.isEqualTo(List.of("Datastream", "Thing", "name"));
	}

	@Test
	void aPathIntoJsonProperties() {
		assertThat(left("properties/a/b eq 1")).isEqualTo(path("properties", "a", "b"));
		assertThat(left("unitOfMeasurement/name eq 'degree Celsius'")).isEqualTo(path("unitOfMeasurement", "name"));
	}

	@Test
	void anArrayIndexStaysPartOfItsSegment() {
		assertThat(left("result[0] eq 1")).isEqualTo(path("result[0]"));
		assertThat(left("properties/list[2]/x eq 1")).isEqualTo(path("properties", "list[2]", "x"));
	}

	@Test
	void theControlInformationId() {
		assertThat(left("@iot.id eq 1")).isEqualTo(path("@iot.id"));
		assertThat(left("Datastream/@iot.id eq 1")).isEqualTo(path("Datastream", "@iot.id"));
	}

	@Test
	void spacesAroundTheSlashAreAllowed() {
		assertThat(left("Datastream / id eq 1")).isEqualTo(path("Datastream", "id"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "größe", "名前", "Ωmega_2", "température" })
	void unicodeLettersMakeIdentifiers(String name) {
		assertThat(left("properties/" + name + " eq 'x'")).isEqualTo(path("properties", name));
	}

	@Test
	void aPathCannotEndWithASlash() {
		QueryException error = parseError("x eq name/");
		assertThat(error.position()).isEqualTo(10);
		assertThat(error.getMessage()).contains("property name after '/'");
		assertThat(parseError("name/(x) eq 1").position()).isEqualTo(5);
	}

	@Test
	void aSegmentAfterASlashMustBeAName() {
		assertThat(parseError("properties/'a' eq 1").position()).isEqualTo(11);
		assertThat(parseError("properties/1 eq 1").position()).isEqualTo(11);
	}

	@Test
	void aKeywordCannotBeAPropertyName() {
		QueryException error = parseError("and eq 1");
		assertThat(error.position()).isZero();
		assertThat(error.getMessage()).contains("'and'");
	}

}
