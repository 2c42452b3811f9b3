package org.cabildo.portal.operator;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;

/**
 * A submitted form that was not done: what is wrong, at its fields, and the status the page that
 * shows the form again answers with (400 for bad input, 409 for a conflict). Nothing was stored.
 */
final class FormRefused extends RuntimeException {

	private final transient Problems problems;

	private final HttpStatus status;

	FormRefused(Problems problems, HttpStatus status) {
		super(null, null, false, false);
		this.problems = problems;
		this.status = status;
	}

	Problems problems() {
		return problems;
	}

	HttpStatus status() {
		return status;
	}

	/** Refuses a form whose own checks found problems; does nothing when they found none. */
	static void unless(Problems problems) {
		if (problems.any()) {
			throw new FormRefused(problems, HttpStatus.BAD_REQUEST);
		}
	}

	/**
	 * Does what the API does for the form; its refusal of the input (400, 409, and those of
	 * {@code alsoAtField}) is put at the field its pointer names ({@code fieldOf}: the form's field
	 * of a pointer, null for none), else at {@code field}; any other refusal (403, 404) is left to
	 * the console's error pages.
	 */
	static <T> T asked(Texts texts, Function<String, String> fieldOf, String field, Supplier<T> call,
			HttpStatus... alsoAtField) {
		try {
			return call.get();
		}
		catch (ApiException e) {
			if (e.status() != HttpStatus.BAD_REQUEST && e.status() != HttpStatus.CONFLICT
					&& !List.of(alsoAtField).contains(e.status())) {
				throw e;
			}
			String pointer = e.details().get("pointer") instanceof String named ? named : null;
			String at = pointer == null ? null : fieldOf.apply(pointer);
			throw new FormRefused(Problems.none().add(at != null ? at : field, texts.refusal(e)), e.status());
		}
	}

}
