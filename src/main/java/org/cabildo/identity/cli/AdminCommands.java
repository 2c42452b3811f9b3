package org.cabildo.identity.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.cabildo.identity.AdminHelp;
import org.cabildo.identity.Devices;
import org.cabildo.identity.Issued;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.Platform;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * {@code ./cabildo admin <command>}: the identity API from the command line, on the configured
 * database, without a web server. Secrets (generated passwords, tokens, device secrets) are
 * printed once, to standard output, never logged.
 */
@Component
@ConditionalOnBooleanProperty("cabildo.identity.cli")
class AdminCommands implements ApplicationRunner, ExitCodeGenerator {

	static final String USAGE = AdminHelp.usage();

	private final Organisations organisations;

	private final People people;

	private final Tokens tokens;

	private final Devices devices;

	private final PrintStream out = System.out;

	private int exitCode;

	AdminCommands(Organisations organisations, People people, Tokens tokens, Devices devices) {
		this.organisations = organisations;
		this.people = people;
		this.tokens = tokens;
		this.devices = devices;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		List<String> words = arguments.getNonOptionArgs();
		if (words.isEmpty()) {
			out.print(USAGE);
			exitCode = 2;
			return;
		}
		try {
			// Whoever can run this holds the database's credentials: the platform's own operator.
			Platform.runAs("cabildo admin " + words.get(0), () -> run(words.get(0), words.subList(1, words.size()),
					arguments));
		}
		catch (ApiException | IllegalArgumentException e) {
			System.err.println("cabildo admin: " + e.getMessage());
			exitCode = 1;
		}
	}

	private void run(String command, List<String> words, ApplicationArguments arguments) {
		String actor = "cli " + System.getProperty("user.name", "");
		switch (command) {
			case "create-org" -> out.println("organisation " + organisations.create(only(words, "a name")).name());
			case "create-user" -> {
				Organisation organisation = organisations.named(option(arguments, "org"), true);
				boolean fromStdin = arguments.containsOption("password-stdin");
				String password = fromStdin ? stdinLine() : randomPassword();
				Person person = people.create(only(words, "a username"), password, organisation.id(), actor);
				for (Role role : roles(arguments)) {
					people.grant(person.id(), organisation.id(), role, actor);
				}
				out.println("person " + person.username() + " in organisation " + organisation.name() + " with roles "
						+ roles(arguments));
				if (!fromStdin) {
					out.println("password (shown once): " + password);
				}
			}
			case "grant", "revoke-role" -> {
				Person person = person(only(words, "a username"));
				Organisation organisation = organisations.named(option(arguments, "org"), false);
				for (Role role : roles(arguments)) {
					if (command.equals("grant")) {
						people.grant(person.id(), organisation.id(), role, actor);
					}
					else {
						people.revoke(person.id(), organisation.id(), role, actor);
					}
				}
				out.println(people.byId(person.id()).orElseThrow());
			}
			case "create-token" -> {
				Person person = person(only(words, "a username"));
				String name = arguments.containsOption("name") ? option(arguments, "name") : "cli";
				Issued token = tokens.create(person.id(), name, null, actor);
				out.println("token " + token.id() + " for " + person.username() + " (shown once): " + token.secret());
			}
			case "create-device" -> {
				Organisation organisation = organisations.named(option(arguments, "org"), false);
				Issued device = devices.create(only(words, "a device name"), organisation.id(), null, actor);
				List<String> bound = arguments.containsOption("datastream") ? arguments.getOptionValues("datastream")
						: List.of();
				for (String datastream : bound) {
					devices.bind(device.id(), Long.parseLong(datastream), actor);
				}
				out.println("device " + device.name() + " bound to " + bound + "; secret (shown once): " + device.secret());
			}
			case "list-users" -> people.all(null).forEach(out::println);
			default -> throw new IllegalArgumentException("there is no command '" + command
					+ "'; ./cabildo admin help lists them");
		}
	}

	private Person person(String username) {
		return people.byUsername(username)
			.orElseThrow(() -> new IllegalArgumentException("there is no person '" + username + "'"));
	}

	private static List<Role> roles(ApplicationArguments arguments) {
		if (!arguments.containsOption("role")) {
			throw new IllegalArgumentException("name at least one --role");
		}
		return arguments.getOptionValues("role")
			.stream()
			.map(label -> Role.of(label).orElseThrow(() -> new IllegalArgumentException("there is no role '" + label
					+ "'; the roles are operator, steward, analyst, auditor, admin")))
			.toList();
	}

	private static String option(ApplicationArguments arguments, String name) {
		List<String> values = arguments.getOptionValues(name);
		if (values == null || values.isEmpty() || values.get(0).isBlank()) {
			throw new IllegalArgumentException("--" + name + " is needed");
		}
		return values.get(0);
	}

	private static String only(List<String> words, String what) {
		if (words.size() != 1) {
			throw new IllegalArgumentException("give " + what);
		}
		return words.get(0);
	}

	private static String stdinLine() {
		String line;
		try {
			line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (line == null || line.isEmpty()) {
			throw new IllegalArgumentException("no password on standard input");
		}
		return line;
	}

	private static String randomPassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
