package org.cabildo.sensing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cabildo.platform.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

/** $top, $skip, $count, $select, $filter, $orderby and options the server does not know. */
class QueryOptionsParserTest {

	static QueryOptions parse(String... namesAndValues) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			options.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return QueryOptionsParser.parse(options);
	}

	static QueryException error(String... namesAndValues) {
		return catchThrowableOfType(QueryException.class, () -> parse(namesAndValues));
	}

	@Test
	void noOptionsMeanDefaults() {
		QueryOptions options = parse();
		assertThat(options.filter()).isNull();
		assertThat(options.orderBy()).isEmpty();
		assertThat(options.top()).isNull();
		assertThat(options.skip()).isZero();
		assertThat(options.count()).isFalse();
		assertThat(options.select()).isEmpty();
		assertThat(options.expand()).isEmpty();
	}

	@Test
	void topAndSkipAreNonNegativeIntegers() {
		QueryOptions options = parse("$top", "5", "$skip", "0");
		assertThat(options.top()).isEqualTo(5);
		assertThat(options.skip()).isZero();
		assertThat(parse("$top", "0").top()).isZero();
		assertThat(parse("$skip", " 20 ").skip()).isEqualTo(20);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "abc", "1.5", "", "99999999999", "1e3", "0x10" })
	void aBadTopIsA400NamingTheOption(String value) {
		QueryException error = error("$top", value);
		assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(error.option()).isEqualTo("$top");
		assertThat(error.getMessage()).contains("'" + value + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "abc", "" })
	void aBadSkipIsA400NamingTheOption(String value) {
		assertThat(error("$skip", value).option()).isEqualTo("$skip");
	}

	@Test
	void countIsTrueOrFalse() {
		assertThat(parse("$count", "true").count()).isTrue();
		assertThat(parse("$count", "false").count()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "TRUE", "yes", "1", "", "truex" })
	void anyOtherCountIsA400(String value) {
		QueryException error = error("$count", value);
		assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(error.option()).isEqualTo("$count");
	}

	@Test
	void selectIsATrimmedListOfNames() {
		assertThat(parse("$select", "id, name ,Datastreams").select()).containsExactly("id", "name", "Datastreams");
		assertThat(parse("$select", "@iot.id").select()).containsExactly("@iot.id");
	}

	@Test
	void anEmptyNameInSelectIsReportedWhereItIs() {
		QueryException error = error("$select", "id,,name");
		assertThat(error.option()).isEqualTo("$select");
		assertThat(error.position()).isEqualTo(3);
		assertThat(error("$select", "").option()).isEqualTo("$select");
	}

	@Test
	void filterIsParsed() {
		QueryOptions options = parse("$filter", "name eq 'a'");
		assertThat(options.filter().expr()).isEqualTo(Exprs.parse("name eq 'a'"));
	}

	@Test
	void aFilterErrorNamesTheOptionAndThePositionInItsValue() {
		QueryException error = error("$filter", "name eq 'a' and");
		assertThat(error.option()).isEqualTo("$filter");
		assertThat(error.position()).isEqualTo(15);
	}

	@Test
	void orderByIsParsed() {
		assertThat(parse("$orderby", "name desc,id").orderBy()).extracting(FilterParser.OrderItem::descending)
			.containsExactly(true, false);
	}

	@Test
	void anOrderByErrorNamesTheOption() {
		assertThat(error("$orderby", "name sideways").option()).isEqualTo("$orderby");
	}

	@Test
	void resultFormatIsKept() {
		assertThat(parse("$resultFormat", "dataArray").resultFormat()).isEqualTo("dataArray");
	}

	@Test
	void theOptionsAsSentAreKeptForNextLinks() {
		QueryOptions options = parse("$top", "2", "$filter", "name eq 'a'");
		assertThat(options.raw()).containsExactly(Map.entry("$top", "2"), Map.entry("$filter", "name eq 'a'"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "$foo", "$filters", "$" })
	void anUnknownOptionIsA400(String name) {
		QueryException error = error(name, "1");
		assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(error.option()).isEqualTo(name);
		assertThat(error.getMessage()).contains(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "$search", "$format", "$apply", "$compute", "$levels", "$index", "$schemaversion",
			"$skiptoken", "$deltatoken", "$id" })
	void anODataOptionThatSensorThingsLacksIsA501(String name) {
		assertThatThrownBy(() -> parse(name, "x")).isInstanceOfSatisfying(ApiException.class, error -> {
			assertThat(error.status()).isEqualTo(HttpStatus.NOT_IMPLEMENTED);
			assertThat(error.details()).containsEntry("option", name);
		});
	}

}
