package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.query.FilterParser;
import org.cabildo.sensing.query.QueryException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser refuses expressions that are too deep or too long; whatever it accepts must then
 * translate, and run on H2, without exhausting the stack of a request thread.
 */
class TranslationLimitsTest {

	/** Half of the JVM's default thread stack, to leave room for the frames of a real request. */
	private static final long TRANSLATION_STACK = 512 * 1024;

	/** The JVM's default thread stack on 64-bit Linux. */
	private static final long DATABASE_STACK = 1024 * 1024;

	private static H2Database database;

	@BeforeAll
	static void createDatabase() {
		database = new H2Database();
		new Rows(database).thing(1, "t");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	private static IntFunction<String> shape(String name) {
		return switch (name) {
			case "or" -> n -> "id eq 1" + " or id eq 1".repeat(n);
			case "and" -> n -> "id eq 1" + " and id eq 1".repeat(n);
			case "add" -> n -> "id eq 1" + " add 1".repeat(n);
			case "mul with negations" -> n -> "id eq " + "- ".repeat(30) + "1" + " mul 1".repeat(n);
			case "or as a value" -> n -> "(id eq 1" + " or id eq 1".repeat(n) + ") eq true";
			case "nested" -> n -> "not (".repeat(30) + "id eq 1" + " add 1".repeat(n) + ")".repeat(30);
			case "chained comparisons" -> n -> "id eq 1" + " eq true".repeat(n);
			default -> throw new IllegalArgumentException(name);
		};
	}

	/** The largest n for which the parser accepts the shape. */
	private static int longestAccepted(IntFunction<String> shape) {
		int accepted = 0;
		int refused = 100_000;
		assertThat(parses(shape.apply(refused))).as("some length is refused").isFalse();
		while (refused - accepted > 1) {
			int middle = (accepted + refused) / 2;
			if (parses(shape.apply(middle))) {
				accepted = middle;
			}
			else {
				refused = middle;
			}
		}
		return accepted;
	}

	private static boolean parses(String text) {
		try {
			FilterParser.parse(text);
			return true;
		}
		catch (QueryException e) {
			return false;
		}
	}

	private static <T> T onThreadWithStack(long stackSize, Supplier<T> work) throws InterruptedException {
		AtomicReference<Object> result = new AtomicReference<>();
		Thread thread = new Thread(null, () -> {
			try {
				result.set(work.get());
			}
			catch (Throwable e) {
				result.set(e);
			}
		}, "limits", stackSize);
		thread.start();
		thread.join();
		if (result.get() instanceof Throwable e) {
			throw new AssertionError("failed on a " + stackSize / 1024 + " KB stack", e);
		}
		@SuppressWarnings("unchecked")
		T value = (T) result.get();
		return value;
	}

	@ParameterizedTest
	@ValueSource(strings = { "or", "and", "add", "mul with negations", "or as a value", "nested",
			"chained comparisons" })
	void theLongestAcceptedExpressionTranslatesAndRuns(String name) throws InterruptedException {
		int length = longestAccepted(shape(name));
		assertThat(length).as("the parser accepts some of it").isPositive();
		String filter = shape(name).apply(length);
		SqlFragment sql = onThreadWithStack(TRANSLATION_STACK,
				() -> Translations.filter(EntityType.THING, filter));
		List<Long> ids = onThreadWithStack(DATABASE_STACK, () -> database.ids(EntityType.THING, sql));
		assertThat(ids).isNotNull();
	}

}
