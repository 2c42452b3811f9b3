package org.cabildo.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code ./cabildo admin help [command]} prints: every command's usage and effect. Answered
 * without starting the application, so help works while the server holds the database.
 */
public final class AdminHelp {

	private static final Map<String, String> COMMANDS = new LinkedHashMap<>();

	static {
		COMMANDS.put("create-user", """
				create-user <username> --org <organisation> --role <role> [--role ...] [--password-stdin]
				    Creates a person with a built-in account in the organisation (created if missing) and
				    grants the roles. Without --password-stdin a random password is printed once.""");
		COMMANDS.put("create-org", """
				create-org <name>
				    Creates an organisation.""");
		COMMANDS.put("grant", """
				grant <username> --org <organisation> --role <role> [--role ...]
				    Grants a person roles in an organisation (ledgered).""");
		COMMANDS.put("revoke-role", """
				revoke-role <username> --org <organisation> --role <role> [--role ...]
				    Takes roles in an organisation from a person (ledgered).""");
		COMMANDS.put("create-token", """
				create-token <username> [--name <label>]
				    Issues a personal API token for the person and prints it once.""");
		COMMANDS.put("create-device", """
				create-device <name> --org <organisation> [--datastream <id> ...]
				    Registers a device of the organisation, bound to the Datastreams it may write, and
				    prints its secret once.""");
		COMMANDS.put("list-users", """
				list-users
				    Lists every person with their organisations and roles.""");
		COMMANDS.put("help", """
				help [command]
				    Prints this list, or one command's usage and effect (also: --help).""");
	}

	private AdminHelp() {
	}

	/** The usage of every command. */
	public static String usage() {
		StringBuilder usage = new StringBuilder("""
				Usage: ./cabildo admin <command> [options]

				Identity administration on the configured database, without a web server. On the
				embedded H2 database, stop the server first: H2 opens its file for one process only.

				""");
		COMMANDS.values().forEach(text -> usage.append(text.indent(2)));
		return usage.append("\nRoles: operator, steward, analyst, auditor, admin.\n").toString();
	}

	/** One command's usage and effect, if there is such a command. */
	public static Optional<String> of(String command) {
		return Optional.ofNullable(COMMANDS.get(command)).map(text -> "Usage: ./cabildo admin " + text + "\n");
	}

}
