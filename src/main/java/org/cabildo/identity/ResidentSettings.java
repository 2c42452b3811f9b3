package org.cabildo.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Residents' own accounts ({@code cabildo.residents.*}).
 *
 * @param organisation the organisation residents' accounts belong to, in which they hold no role
 *        (made when the first resident signs up)
 * @param outbox how mail leaves: {@code log} writes each mail to the server's log (the demo, a
 *        laptop), {@code smtp} sends it through the mail server of {@code spring.mail.*}
 * @param from the sender of the mails
 * @param verifyFor how long a link to verify an address works
 * @param resetFor how long a link to set a new password works
 * @param mailsPerAddressPerHour how many mails one address receives an hour, whoever asks
 */
@ConfigurationProperties("cabildo.residents")
public record ResidentSettings(@DefaultValue("residents") String organisation, @DefaultValue("log") String outbox,
		@DefaultValue("cabildo@localhost") String from, @DefaultValue("48h") Duration verifyFor,
		@DefaultValue("1h") Duration resetFor, @DefaultValue("3") int mailsPerAddressPerHour) {

	public ResidentSettings {
		if (!outbox.equals("log") && !outbox.equals("smtp")) {
			throw new IllegalArgumentException("cabildo.residents.outbox: log or smtp, not '" + outbox + "'");
		}
	}

}
