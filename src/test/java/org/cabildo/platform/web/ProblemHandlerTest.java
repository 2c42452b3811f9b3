package org.cabildo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.function.Supplier;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.cabildo.platform.StatementTimeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the database says stays in the log: a client hears what is wrong in the platform's
 * words, 400 for what the request holds, 503 with Retry-After for what is temporary (a lost
 * connection at commit, no connection in time, a cancelled statement), never 500.
 */
class ProblemHandlerTest {

	private static final String SQL = "SELECT t0.id FROM observations t0 WHERE t0.result_number > ?";

	@RestController
	static class Failing {

		@GetMapping("/fail/{what}")
		String fail(@PathVariable String what) {
			Supplier<RuntimeException> failure = switch (what) {
				case "commit-lost" -> () -> new TransactionSystemException("Could not commit JDBC transaction",
						new SQLException("An I/O error occurred while sending to the backend.", "08006"));
				case "no-connection" -> () -> new CannotCreateTransactionException("Could not open JDBC Connection",
						new SQLTransientConnectionException(
								"HikariPool-1 - Connection is not available, request timed out after 30000ms."));
				case "out-of-range" -> () -> new DataIntegrityViolationException("PreparedStatementCallback; SQL [" + SQL
						+ "]; Numeric value out of range: \"99999999999\"",
						new SQLException("Numeric value out of range: \"99999999999\"; SQL statement: " + SQL, "22003"));
				case "too-long" -> () -> new DataIntegrityViolationException("SQL [" + SQL + "]",
						new SQLException("ERROR: value too long for type character varying(200)", "22001"));
				// H2's shape for a string bound in ORDER BY: its data exception caused by the JDK's own.
				case "h2-cast" -> () -> new UncategorizedSQLException("PreparedStatementCallback", SQL,
						new SQLException("Data conversion error converting \"a\"; SQL statement: " + SQL, "22018",
								new NumberFormatException("For input string: \"a\"")));
				case "unique" -> () -> new DataIntegrityViolationException("SQL [" + SQL + "]", new SQLException(
						"Unique index or primary key violation: \"PUBLIC.ORGANISATIONS(NAME)\"", "23505"));
				case "timeout" -> () -> new StatementTimeout(Duration.ofSeconds(10), "cabildo.sensing.reads.statement-timeout",
						new SQLException("canceling statement due to user request", "57014"));
				case "percent" -> () -> new InvalidParameterException(
						"Character decoding failed. Parameter [$top] with value [%zz] has been ignored.");
				default -> () -> new IllegalArgumentException(what);
			};
			throw failure.get();
		}

	}

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
		.setControllerAdvice(new ProblemHandler())
		.build();

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = { "commit-lost | 503 | I/O error", "no-connection | 503 | HikariPool",
			"out-of-range | 400 | Numeric value", "too-long | 400 | varying", "h2-cast | 400 | Data conversion",
			"unique | 409 | PUBLIC", "timeout | 503 | canceling", "percent | 400 | Character decoding" })
	void answeredInOurWords(String failure, int status, String databaseText) throws Exception {
		MvcResult result = mvc.perform(get("/fail/" + failure)).andReturn();
		String body = result.getResponse().getContentAsString();
		assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		JsonNode problem = JsonMapper.shared().readTree(body);
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(body).doesNotContain(databaseText).doesNotContainIgnoringCase("select").doesNotContain("SQL");
		if (status == 503) {
			assertThat(Long.parseLong(result.getResponse().getHeader("Retry-After"))).isPositive();
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "out-of-range | out of the range", "too-long | longer than",
			"timeout | cabildo.sensing.reads.statement-timeout", "percent | cannot be decoded" })
	void sayingWhatIsWrong(String failure, String words) throws Exception {
		String body = mvc.perform(get("/fail/" + failure)).andReturn().getResponse().getContentAsString();
		assertThat(JsonMapper.shared().readTree(body).get("detail").asString()).contains(words);
	}

}
