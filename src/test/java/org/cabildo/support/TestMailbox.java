package org.cabildo.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cabildo.identity.Mail;
import org.cabildo.identity.Outbox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The mail of integration tests that keep the log outbox: kept in memory as well, so that a test
 * can follow a link mailed to a resident it signed up (the SMTP outbox is tested against a real
 * mail server in ResidentAccountsTest).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailbox {

	private static final Pattern LINK = Pattern.compile("link=([A-Za-z0-9_-]+)");

	private static final Pattern URL = Pattern.compile("https?://\\S+");

	private final List<Mail> sent = new CopyOnWriteArrayList<>();

	@Bean
	@Primary
	@ConditionalOnProperty(name = "cabildo.residents.outbox", havingValue = "log", matchIfMissing = true)
	Outbox testOutbox() {
		return sent::add;
	}

	/** The mails sent to the address so far, the oldest first. */
	public List<Mail> to(String address) {
		return sent.stream().filter(mail -> mail.to().equals(address)).toList();
	}

	/** The address (URL) the last mail to the address links to, waiting up to 5 s for a mail with one. */
	public String lastUrlTo(String address) {
		Instant until = Instant.now().plus(Duration.ofSeconds(5));
		while (Instant.now().isBefore(until)) {
			List<Mail> mails = to(address);
			if (!mails.isEmpty()) {
				Matcher m = URL.matcher(mails.get(mails.size() - 1).text());
				if (m.find()) {
					return m.group();
				}
			}
			pause();
		}
		throw new AssertionError("no mail with an address to " + address);
	}

	/** The link of the last mail to the address, waiting up to 5 s for it. */
	public String lastLinkTo(String address) {
		Instant until = Instant.now().plus(Duration.ofSeconds(5));
		while (Instant.now().isBefore(until)) {
			for (int i = sent.size() - 1; i >= 0; i--) {
				Mail mail = sent.get(i);
				if (mail.to().equals(address)) {
					Matcher m = LINK.matcher(mail.text());
					if (m.find()) {
						return m.group(1);
					}
				}
			}
			pause();
		}
		throw new AssertionError("no mail with a link to " + address);
	}

	/**
	 * The mails to the address whose subject contains {@code about}, waiting up to 5 s until there
	 * are at least {@code atLeast}.
	 */
	public List<Mail> mailsTo(String address, String about, int atLeast) {
		Instant until = Instant.now().plus(Duration.ofSeconds(5));
		while (true) {
			List<Mail> to = sent.stream().filter(m -> m.to().equals(address) && m.subject().contains(about)).toList();
			if (to.size() >= atLeast || Instant.now().isAfter(until)) {
				return to;
			}
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
