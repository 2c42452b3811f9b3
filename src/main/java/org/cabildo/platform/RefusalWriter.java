package org.cabildo.platform;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * RefusalWriter written before any controller answers (a body too large, credentials missing, too
 * many requests): in the dialect of the API asked, where it has one ({@link RefusalDialect}),
 * else as a JSON problem (RFC 9457) with the extra members given.
 */
@Component
public class RefusalWriter {

	private final List<RefusalDialect> dialects;

	public RefusalWriter(List<RefusalDialect> dialects) {
		this.dialects = List.copyOf(dialects);
	}

	/** Only JSON problems: for what runs without the application's beans (and in tests). */
	public static RefusalWriter problemsOnly() {
		return new RefusalWriter(List.of());
	}

	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
			Map<String, Object> more) throws IOException {
		for (RefusalDialect dialect : dialects) {
			if (dialect.speaks(request)) {
				dialect.refuse(request, response, status, detail);
				return;
			}
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.putAll(more);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(problem));
	}

}
