package org.cabildo.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mail written to the server's log instead of sent: for the demo and a laptop, where there is no
 * mail server, so that whoever runs it can follow a link mailed to a resident.
 */
final class LogOutbox implements Outbox {

	private static final Logger log = LoggerFactory.getLogger(LogOutbox.class);

	@Override
	public void send(Mail mail) {
		log.info("Mail (log outbox) to {}: {}\n{}", mail.to(), mail.subject(), mail.text());
	}

}
