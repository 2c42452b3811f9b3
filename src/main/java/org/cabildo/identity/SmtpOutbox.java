package org.cabildo.identity;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Mail sent through the mail server of {@code spring.mail.*}. */
final class SmtpOutbox implements Outbox {

	private final JavaMailSender sender;

	private final String from;

	SmtpOutbox(JavaMailSender sender, String from) {
		this.sender = sender;
		this.from = from;
	}

	@Override
	public void send(Mail mail) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(mail.to());
		message.setSubject(mail.subject());
		message.setText(mail.text());
		sender.send(message);
	}

}
