package org.cabildo.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The objection form of a stream's card ({@code cabildo.portal.objection-form.*}), and the report
 * form ({@code /report}), the other form anyone may send without an account: how soon after
 * it was served a form may be sent (people take a few seconds to write; scripts do not) and how
 * long it stays good, each form's issue time signed with a key of the server.
 *
 * @param minAge the least time between serving a form and receiving it
 * @param maxAge the most; an older form is refused and served anew
 * @param key the HMAC key (at least 32 characters); empty: a random key per process, so that a
 * form served before a restart, or by another node, is served anew. Set the same key on every
 * node behind one load balancer.
 */
@ConfigurationProperties("cabildo.portal.objection-form")
record ObjectionFormSettings(@DefaultValue("3s") Duration minAge, @DefaultValue("4h") Duration maxAge,
		@DefaultValue("") String key) {

	ObjectionFormSettings {
		if (minAge.isNegative() || maxAge.compareTo(minAge) <= 0) {
			throw new IllegalArgumentException("cabildo.portal.objection-form.min-age is not negative and max-age is"
					+ " longer than min-age");
		}
		if (!key.isEmpty() && key.length() < 32) {
			throw new IllegalArgumentException("cabildo.portal.objection-form.key has at least 32 characters");
		}
	}

}
