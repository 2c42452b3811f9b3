package org.cabildo.sensing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.query.Exprs.add;
import static org.cabildo.sensing.query.Exprs.and;
import static org.cabildo.sensing.query.Exprs.arithmetic;
import static org.cabildo.sensing.query.Exprs.call;
import static org.cabildo.sensing.query.Exprs.compare;
import static org.cabildo.sensing.query.Exprs.eq;
import static org.cabildo.sensing.query.Exprs.gt;
import static org.cabildo.sensing.query.Exprs.le;
import static org.cabildo.sensing.query.Exprs.mul;
import static org.cabildo.sensing.query.Exprs.negate;
import static org.cabildo.sensing.query.Exprs.not;
import static org.cabildo.sensing.query.Exprs.number;
import static org.cabildo.sensing.query.Exprs.or;
import static org.cabildo.sensing.query.Exprs.parse;
import static org.cabildo.sensing.query.Exprs.path;
import static org.cabildo.sensing.query.Exprs.string;
import static org.cabildo.sensing.query.Exprs.sub;

import org.cabildo.sensing.query.Expr.ArithmeticOperator;
import org.cabildo.sensing.query.Expr.ComparisonOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Operator precedence, lowest first: or, and, not, eq/ne, gt/ge/lt/le, add/sub, mul/div/mod,
 * unary minus; binary operators associate to the left.
 */
class FilterParserPrecedenceTest {

	private static final Expr A = path("a");

	private static final Expr B = path("b");

	private static final Expr C = path("c");

	@Test
	void andBindsTighterThanOr() {
		assertThat(parse("a or b and c")).isEqualTo(or(A, and(B, C)));
		assertThat(parse("a and b or c")).isEqualTo(or(and(A, B), C));
	}

	@Test
	void notBindsTighterThanAnd() {
		assertThat(parse("not a and b")).isEqualTo(and(not(A), B));
		assertThat(parse("a or not b")).isEqualTo(or(A, not(B)));
	}

	@Test
	void notAppliesToTheWholeComparisonAfterIt() {
		assertThat(parse("not a eq 1")).isEqualTo(not(eq(A, number("1"))));
	}

	@Test
	void notCanBeRepeated() {
		assertThat(parse("not not a")).isEqualTo(not(not(A)));
	}

	@Test
	void comparisonBindsLooserThanArithmetic() {
		assertThat(parse("a add 1 eq b sub 2")).isEqualTo(eq(add(A, number("1")), sub(B, number("2"))));
	}

	@ParameterizedTest
	@CsvSource({ "add, mul", "add, div", "add, mod", "sub, mul", "sub, div", "sub, mod" })
	void multiplicativeOperatorsBindTighterThanAdditiveOnes(String additive, String multiplicative) {
		ArithmeticOperator low = ArithmeticOperator.valueOf(additive.toUpperCase());
		ArithmeticOperator high = ArithmeticOperator.valueOf(multiplicative.toUpperCase());
		assertThat(parse("a " + additive + " b " + multiplicative + " c"))
			.isEqualTo(arithmetic(low, A, arithmetic(high, B, C)));
		assertThat(parse("a " + multiplicative + " b " + additive + " c"))
			.isEqualTo(arithmetic(low, arithmetic(high, A, B), C));
	}

	@Test
	void unaryMinusBindsTighterThanMultiplication() {
		assertThat(parse("- a mul b")).isEqualTo(mul(negate(A), B));
		assertThat(parse("a mul - b")).isEqualTo(mul(A, negate(B)));
	}

	@ParameterizedTest
	@CsvSource({ "sub, sub", "sub, add", "add, sub", "div, div", "div, mul", "mod, div", "mul, mod" })
	void arithmeticIsLeftAssociative(String first, String second) {
		assertThat(parse("a " + first + " b " + second + " c"))
			.isEqualTo(arithmetic(ArithmeticOperator.valueOf(second.toUpperCase()),
					arithmetic(ArithmeticOperator.valueOf(first.toUpperCase()), A, B), C));
	}

	@Test
	void logicalOperatorsAreLeftAssociative() {
		assertThat(parse("a or b or c")).isEqualTo(or(or(A, B), C));
		assertThat(parse("a and b and c")).isEqualTo(and(and(A, B), C));
	}

	@Test
	void parenthesesOverridePrecedence() {
		assertThat(parse("(a or b) and c")).isEqualTo(and(or(A, B), C));
		assertThat(parse("(a add b) mul c")).isEqualTo(mul(add(A, B), C));
		assertThat(parse("a sub (b sub c)")).isEqualTo(sub(A, sub(B, C)));
		assertThat(parse("not (a and b)")).isEqualTo(not(and(A, B)));
	}

	@Test
	void redundantParenthesesLeaveTheTreeUnchanged() {
		assertThat(parse("((a eq 1))")).isEqualTo(parse("a eq 1"));
		assertThat(parse("(a) eq (1)")).isEqualTo(parse("a eq 1"));
	}

	/** OData 4.0 precedence, which SensorThings 1.1 adopts: relational above equality, both left-associative. */
	@Test
	void relationalBindsTighterThanEqualityAndBothChainFromTheLeft() {
		assertThat(parse("a gt b eq c")).isEqualTo(eq(gt(A, B), C));
		assertThat(parse("a eq b gt c")).isEqualTo(eq(A, gt(B, C)));
		assertThat(parse("a eq b eq c")).isEqualTo(eq(eq(A, B), C));
		assertThat(parse("a gt b le c")).isEqualTo(compare(ComparisonOperator.LE, gt(A, B), C));
	}

	@Test
	void arithmeticBindsTighterThanAnyComparison() {
		assertThat(parse("a add b gt c")).isEqualTo(gt(add(A, B), C));
		assertThat(parse("a add (b gt c)")).isEqualTo(add(A, gt(B, C)));
	}

	@ParameterizedTest
	@EnumSource(ComparisonOperator.class)
	void everyComparisonOperatorIsRecognised(ComparisonOperator operator) {
		assertThat(parse("a " + operator.name().toLowerCase() + " 1")).isEqualTo(compare(operator, A, number("1")));
	}

	@Test
	void keywordsAreCaseInsensitive() {
		assertThat(parse("a EQ 1 AND NOT b Or c")).isEqualTo(or(and(eq(A, number("1")), not(B)), C));
	}

	@Test
	void theSpecificationExamplesParseAsIntended() {
		assertThat(parse("result le 3.5 and FeatureOfInterest/id eq 1"))
			.isEqualTo(and(le(path("result"), number("3.5")), eq(path("FeatureOfInterest", "id"), number("1"))));
		assertThat(parse("(result sub 5) gt 10")).isEqualTo(gt(sub(path("result"), number("5")), number("10")));
		assertThat(parse("result mod 2 eq 0"))
			.isEqualTo(eq(arithmetic(ArithmeticOperator.MOD, path("result"), number("2")), number("0")));
		assertThat(parse("not startswith(description,'test')"))
			.isEqualTo(not(call(Function.STARTSWITH, path("description"), string("test"))));
	}

	@Test
	void eachNodeRemembersWhereItStarts() {
		FilterParser.ParsedExpression parsed = FilterParser.parse("name eq 'a' and length(name) gt 5");
		Expr.Logical root = (Expr.Logical) parsed.expr();
		Expr.Comparison right = (Expr.Comparison) root.right();
		assertThat(parsed.positionOf(root)).isEqualTo(12);
		assertThat(parsed.positionOf(root.left())).isEqualTo(5);
		assertThat(parsed.positionOf(right)).isEqualTo(29);
		assertThat(parsed.positionOf(right.left())).isEqualTo(16);
	}

}
