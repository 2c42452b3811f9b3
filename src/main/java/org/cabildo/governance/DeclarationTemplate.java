package org.cabildo.governance;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One version of a declaration template: the declaration every Datastream created later in its
 * scope (an organisation, or one Thing) gets at creation, so that a stream can collect from its
 * first Observation without a second, Cabildo-only call. A template says what a declaration
 * says and is held to the same rules; withdrawing it is a version of its own.
 *
 * @param organisationId the accountable organisation: the one in scope, or the Thing's owner
 * @param declaration what each Datastream created in scope is declared with
 */
public record DeclarationTemplate(long id, int version, Scope scope, long scopeId, long organisationId,
		String organisation, DeclarationDraft declaration, boolean withdrawn, Instant declaredAt,
		String declaredBy) {

	/** What a template covers. */
	public enum Scope {

		/** Every Datastream the organisation owns, unless its Thing has a template of its own. */
		ORGANISATION("organisation"),

		/** Every Datastream of one Thing. */
		THING("thing");

		private final String id;

		Scope(String id) {
			this.id = id;
		}

		@JsonValue
		public String id() {
			return id;
		}

		public static Optional<Scope> of(String id) {
			for (Scope scope : values()) {
				if (scope.id.equals(id)) {
					return Optional.of(scope);
				}
			}
			return Optional.empty();
		}

	}

}
