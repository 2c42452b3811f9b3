package org.cabildo.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cabildo.platform.ApiException;
import org.cabildo.platform.LeastRecentlyUsed;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Residents' own accounts: signing up with an email address and a password, proving the address
 * with a link mailed to it, and setting a new password with another. A resident is a person of
 * the residents' organisation with no role anywhere. The answers never tell whether an address
 * has an account (the mail does, to its owner), and an address receives a few mails an hour at
 * most, whoever asks.
 */
@Service
public class Residents {

	/** An account as its owner sees it. */
	public record Account(long person, String email, String language, boolean verified) {
	}

	private static final int MAX_EMAIL = 254;

	private final JdbcClient jdbc;

	private final People people;

	private final Organisations organisations;

	private final Outbox outbox;

	private final ResidentSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Map<String, Bucket> mails = LeastRecentlyUsed.map(50_000);

	Residents(JdbcClient jdbc, People people, Organisations organisations, Outbox outbox, ResidentSettings settings,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.organisations = organisations;
		this.outbox = outbox;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Signs up: the account is made, unverified, and a link to verify the address is mailed to it.
	 * An address that has an account already gets a mail that says so (with the way to a new
	 * password) and no second account; the caller is answered the same either way.
	 *
	 * @param base the public URL the links in the mail start with
	 */
	public void signUp(String email, String password, String language, String base) {
		String address = email(email);
		String lang = language(language);
		Passwords.check(password, address);
		Optional<Account> existing = byEmail(address);
		if (existing.isPresent()) {
			mail(address, ResidentMails.alreadyThere(existing.get().language(), base));
			return;
		}
		String link = transactions.execute(tx -> {
			long residentsOrganisation = organisations.named(settings.organisation(), true).id();
			Person person = people.create(address, password, residentsOrganisation, "sign-up");
			jdbc.sql("INSERT INTO resident_accounts (person_id, email, language, created_at) VALUES (?, ?, ?, ?)")
				.params(person.id(), address, lang, Secrets.utc(clock.instant()))
				.update();
			return link(person.id(), "verify", settings.verifyFor());
		});
		mail(address, ResidentMails.verify(lang, base, link));
	}

	/**
	 * An account whose address the city has verified otherwise than by a mailed link: the demo's
	 * sample residents, or a city bringing its residents' accounts from the platform it had
	 * before. Made verified, with no mail; an address that has an account already keeps it as it
	 * is. Never reachable over HTTP: a resident's own sign-up always proves the address.
	 *
	 * @param actor who enrols, for the audit log
	 */
	public Account enrol(String email, String password, String language, String actor) {
		String address = email(email);
		String lang = language(language);
		Passwords.check(password, address);
		return byEmail(address).orElseGet(() -> transactions.execute(tx -> {
			long residentsOrganisation = organisations.named(settings.organisation(), true).id();
			Person person = people.create(address, password, residentsOrganisation, actor);
			OffsetDateTime now = Secrets.utc(clock.instant());
			jdbc.sql("""
					INSERT INTO resident_accounts (person_id, email, language, created_at, verified_at)
					VALUES (?, ?, ?, ?, ?)""").params(person.id(), address, lang, now, now).update();
			return byPerson(person.id()).orElseThrow();
		}));
	}

	/** Follows the link mailed to verify an address; 400 when it is unknown, used or expired. */
	public Account verify(String link) {
		long person = use(link, "verify");
		jdbc.sql("UPDATE resident_accounts SET verified_at = COALESCE(verified_at, ?) WHERE person_id = ?")
			.params(Secrets.utc(clock.instant()), person)
			.update();
		return byPerson(person).orElseThrow();
	}

	/** Mails a link to set a new password when the address has an account; answered the same when it has none. */
	public void requestNewPassword(String email, String base) {
		String address = email(email);
		byEmail(address).ifPresent(account -> {
			String link = link(account.person(), "reset", settings.resetFor());
			mail(address, ResidentMails.reset(account.language(), base, link));
		});
	}

	/** Sets a new password with the link mailed for it (which also proves the address). */
	public Account setPassword(String link, String password) {
		return transactions.execute(tx -> {
			long person = use(link, "reset");
			people.changePassword(person, password, "password-reset");
			jdbc.sql("UPDATE resident_accounts SET verified_at = COALESCE(verified_at, ?) WHERE person_id = ?")
				.params(Secrets.utc(clock.instant()), person)
				.update();
			return byPerson(person).orElseThrow();
		});
	}

	/** The resident account of a person; empty when the person is not a resident (staff, OIDC). */
	public Optional<Account> byPerson(long person) {
		return jdbc.sql("SELECT person_id, email, language, verified_at FROM resident_accounts WHERE person_id = ?")
			.param(person)
			.query((rs, n) -> new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4) != null))
			.optional();
	}

	/**
	 * Whether this caller counts as one person for supporting and proposing: a resident whose
	 * address is verified. Staff accounts, devices and OIDC people are not residents.
	 */
	public boolean isVerifiedResident(Caller caller) {
		return !caller.isDevice() && caller.id() > 0 && byPerson(caller.id()).map(Account::verified).orElse(false);
	}

	private Optional<Account> byEmail(String address) {
		return jdbc.sql("SELECT person_id FROM resident_accounts WHERE email = ?")
			.param(address)
			.query(Long.class)
			.optional()
			.flatMap(this::byPerson);
	}

	private String link(long person, String purpose, Duration lifetime) {
		String secret = Secrets.random("");
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO account_links (secret_hash, person_id, purpose, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
			.params(Secrets.hash(secret), person, purpose, Secrets.utc(now), Secrets.utc(now.plus(lifetime)))
			.update();
		return secret;
	}

	/** Marks a link used, once; the person it was for. */
	private long use(String link, String purpose) {
		if (link == null || link.isBlank() || link.length() > 100) {
			throw ApiException.badRequest("link: the link mailed to you is needed").with("pointer", "/link")
				.with("rule", "link-missing");
		}
		Instant now = clock.instant();
		record Found(long person, Instant expires, boolean used) {
		}
		Found found = jdbc.sql("SELECT person_id, expires_at, used_at FROM account_links WHERE secret_hash = ? AND purpose = ?")
			.params(Secrets.hash(link.trim()), purpose)
			.query((rs, n) -> new Found(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3) != null))
			.optional()
			.orElseThrow(() -> ApiException.badRequest("link: not a link we mailed, or not for this").with("pointer",
					"/link").with("rule", "link-unknown"));
		if (found.used()) {
			throw ApiException.badRequest("link: it was used already; ask for a new one").with("pointer", "/link")
				.with("rule", "link-used");
		}
		if (now.isAfter(found.expires())) {
			throw ApiException.badRequest("link: it expired; ask for a new one").with("pointer", "/link")
				.with("rule", "link-expired");
		}
		int marked = jdbc.sql("UPDATE account_links SET used_at = ? WHERE secret_hash = ? AND used_at IS NULL")
			.params(Secrets.utc(now), Secrets.hash(link.trim()))
			.update();
		if (marked != 1) {
			throw ApiException.badRequest("link: it was used already; ask for a new one").with("pointer", "/link")
				.with("rule", "link-used");
		}
		return found.person();
	}

	private void mail(String address, Mail.Draft draft) {
		Bucket bucket = mails.computeIfAbsent(address, a -> Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(settings.mailsPerAddressPerHour())
				.refillGreedy(settings.mailsPerAddressPerHour(), Duration.ofHours(1))
				.build())
			.build());
		// beyond it, nothing is sent and the answer is the same: the address is not told whether it has an account
		if (bucket.tryConsume(1)) {
			outbox.send(new Mail(address, draft.subject(), draft.text()));
		}
	}

	static String email(String email) {
		String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (address.length() > MAX_EMAIL || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw ApiException.badRequest("email: not an email address").with("pointer", "/email");
		}
		return address;
	}

	private static String language(String language) {
		String lang = language == null || language.isBlank() ? "es" : language.strip().toLowerCase(Locale.ROOT);
		if (!lang.equals("es") && !lang.equals("pt") && !lang.equals("en")) {
			throw ApiException.badRequest("language: es, pt or en").with("pointer", "/language");
		}
		return lang;
	}

	/** Refuses (403) unless the caller is a resident whose address is verified. */
	public void requireVerifiedResident(Caller caller, String what) {
		if (!isVerifiedResident(caller)) {
			throw new ApiException(HttpStatus.FORBIDDEN, what + " needs a resident's account whose email address is"
					+ " verified (one person, one account)").with("rule", "verified-resident");
		}
	}

}
