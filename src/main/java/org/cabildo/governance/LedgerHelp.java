package org.cabildo.governance;

import java.util.Optional;

/**
 * What {@code ./cabildo ledger help [command]} prints. Answered without starting the
 * application, so help works while the server holds the database.
 */
public final class LedgerHelp {

	private static final String VERIFY = """
			verify [--checkpoint FILE]
			    Recomputes the hash chain and checks the signed checkpoints (those in the database and
			    the one this node keeps in its checkpoint file); with FILE, a saved copy of
			    /api/ledger/checkpoints/latest, holds the ledger to it too. Exits 0 when they hold,
			    1 naming the first broken or altered entry, 2 when asked wrongly.""";

	private static final String HELP = """
			help [command]
			    Prints this list, or one command's usage and effect (also: --help).""";

	private LedgerHelp() {
	}

	/** The usage of every command. */
	public static String usage() {
		return """
				Usage: ./cabildo ledger <command>

				The access ledger on the configured database, without a web server. On the embedded H2
				database, stop the server first: H2 opens its file for one process only.

				""" + VERIFY.indent(2) + HELP.indent(2);
	}

	/** One command's usage and effect, if there is such a command. */
	public static Optional<String> of(String command) {
		return switch (command) {
			case "verify" -> Optional.of("Usage: ./cabildo ledger " + VERIFY + "\n");
			case "help" -> Optional.of("Usage: ./cabildo ledger " + HELP + "\n");
			default -> Optional.empty();
		};
	}

}
