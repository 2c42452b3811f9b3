package org.cabildo.governance.objections;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An objection as the register shows it; {@code contact} only to stewards of the owning organisation. */
public record ObjectionView(long id, long datastreamId, Category category, String text, boolean hidden,
		Status status, String answer, Instant filedAt, Instant firstAnsweredAt, Instant answeredAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) String contact) {
}
