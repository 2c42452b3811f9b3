package org.cabildo.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.context.annotation.Configuration;

/** Turns on the typed settings of the identity module. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ IdentitySettings.class, ResidentSettings.class })
class IdentityConfiguration {

	/** Mail to the log, or through the mail server ({@code cabildo.residents.outbox}). */
	@Bean
	Outbox outbox(ResidentSettings settings, ObjectProvider<JavaMailSender> sender) {
		if (settings.outbox().equals("log")) {
			return new LogOutbox();
		}
		JavaMailSender smtp = sender.getIfAvailable();
		if (smtp == null) {
			throw new IllegalStateException("cabildo.residents.outbox=smtp needs a mail server: set spring.mail.host");
		}
		return new SmtpOutbox(smtp, settings.from());
	}

}
