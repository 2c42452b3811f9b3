package org.cabildo.identity;

import org.cabildo.platform.ApiException;
import org.cabildo.platform.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start: creates the account {@code cabildo.identity.bootstrap} describes, if any and if
 * missing; and, while nobody holds the admin role, says how to create the first admin. No
 * account with a default password is ever created.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class Bootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

	private final IdentitySettings.Bootstrap account;

	private final Organisations organisations;

	private final People people;

	private final Tokens tokens;

	private final boolean cli;

	Bootstrap(IdentitySettings settings, Organisations organisations, People people, Tokens tokens,
			org.springframework.core.env.Environment environment) {
		this.cli = environment.getProperty("cabildo.identity.cli", Boolean.class, false);
		this.account = settings.bootstrap();
		this.organisations = organisations;
		this.people = people;
		this.tokens = tokens;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (!account.username().isBlank()) {
			Platform.runAs("bootstrap account", this::create);
		}
		if (!cli && !people.anyAdmin()) {
			log.warn("No one holds the admin role yet, and no account has a default password. Create the first admin"
					+ " with: ./cabildo admin create-user <username> --org <organisation> --role admin --password-stdin");
		}
	}

	private void create() {
		Organisation organisation = organisations.named(account.organisation().isBlank() ? "unassigned"
				: account.organisation(), true);
		Person person = people.byUsername(account.username()).orElseGet(() -> createPerson(organisation));
		for (String label : account.roles()) {
			Role role = Role.of(label)
				.orElseThrow(() -> new IllegalArgumentException("cabildo.identity.bootstrap.roles: no role '" + label + "'"));
			people.grant(person.id(), organisation.id(), role, "bootstrap");
		}
		if (!account.token().isBlank() && tokens.authenticate(account.token()).isEmpty()) {
			tokens.create(person.id(), "bootstrap", null, account.token(), "bootstrap");
		}
		log.info("Bootstrap account '{}' is ready in organisation '{}'", person.username(), organisation.name());
	}

	private Person createPerson(Organisation organisation) {
		try {
			return people.create(account.username(), account.password().isBlank() ? null : account.password(),
					organisation.id(), "bootstrap");
		}
		catch (ApiException e) {
			throw new IllegalStateException("cabildo.identity.bootstrap: " + e.getMessage(), e);
		}
	}

}
