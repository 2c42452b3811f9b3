package org.cabildo.governance;

/**
 * Where a Datastream's first declaration came from: written in the register by a steward, sent
 * inline with the request that created the stream, or made from a template at creation.
 */
public sealed interface DeclarationOrigin {

	/** How the register names this origin ({@code register}, {@code inline}, {@code template}). */
	String kind();

	/** A steward wrote it in the register ({@code PUT /api/register/{id}}). */
	record Written() implements DeclarationOrigin {
		@Override
		public String kind() {
			return "register";
		}
	}

	/** It travelled in the creating request, under {@code properties["cabildo:declaration"]}. */
	record Inline() implements DeclarationOrigin {
		@Override
		public String kind() {
			return "inline";
		}
	}

	/** A template of the stream's organisation or Thing, at the version current at creation. */
	record FromTemplate(long template, int templateVersion) implements DeclarationOrigin {
		@Override
		public String kind() {
			return "template";
		}
	}

	DeclarationOrigin WRITTEN = new Written();

	DeclarationOrigin INLINE = new Inline();

}
