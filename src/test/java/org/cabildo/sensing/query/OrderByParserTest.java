package org.cabildo.sensing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.cabildo.sensing.query.Exprs.call;
import static org.cabildo.sensing.query.Exprs.number;
import static org.cabildo.sensing.query.Exprs.path;
import static org.cabildo.sensing.query.Exprs.sub;

import java.util.List;

import org.cabildo.sensing.query.FilterParser.OrderItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderByParserTest {

	private static QueryException error(String text) {
		return catchThrowableOfType(QueryException.class, () -> FilterParser.parseOrderBy(text));
	}

	@Test
	void ascendingIsTheDefault() {
		assertThat(FilterParser.parseOrderBy("name")).containsExactly(new OrderItem(path("name"), false, 0));
	}

	@Test
	void ascAndDescSetTheDirection() {
		assertThat(FilterParser.parseOrderBy("name asc")).containsExactly(new OrderItem(path("name"), false, 0));
		assertThat(FilterParser.parseOrderBy("name desc")).containsExactly(new OrderItem(path("name"), true, 0));
		assertThat(FilterParser.parseOrderBy("name DESC")).containsExactly(new OrderItem(path("name"), true, 0));
	}

	@Test
	void aListKeepsItsOrderAndEachItemItsPosition() {
		List<OrderItem> items = FilterParser.parseOrderBy("phenomenonTime desc, Datastream/id,result asc");
		assertThat(items).containsExactly(new OrderItem(path("phenomenonTime"), true, 0),
				new OrderItem(path("Datastream", "id"), false, 21), new OrderItem(path("result"), false, 35));
	}

	@Test
	void functionsAndArithmeticCanBeSortedBy() {
		assertThat(FilterParser.parseOrderBy("length(name) desc, result sub 5"))
			.extracting(OrderItem::expr)
			.containsExactly(call(Function.LENGTH, path("name")), sub(path("result"), number("5")));
	}

	@Test
	void aComparisonIsNotASortKey() {
		QueryException error = error("name eq 'a'");
		assertThat(error.option()).isEqualTo("$orderby");
		assertThat(error.position()).isEqualTo(5);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "name,", ",name", "name desc asc", "name desc desc", "name, ,id" })
	void malformedListsAreRefusedWithAPositionInTheText(String text) {
		QueryException error = error(text);
		assertThat(error).isNotNull();
		assertThat(error.option()).isEqualTo("$orderby");
		assertThat(error.position()).isBetween(0, text.length());
	}

}
