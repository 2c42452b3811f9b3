package org.cabildo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * Residents' accounts against a real mail server (GreenMail, an SMTP sink on a free port): the
 * link mailed at sign-up verifies the address; a second sign-up with the same address makes no
 * second account and is answered the same; a new password through the link mailed for it; weak
 * passwords refused; a resident holds no role; links work once.
 */
@IntegrationTest
class ResidentAccountsTest {

	private static final GreenMail MAIL = started();

	private static final Pattern LINK = Pattern.compile("link=([A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	People people;

	private static GreenMail started() {
		GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
		mail.start();
		return mail;
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("cabildo.residents.outbox", () -> "smtp");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
	}

	@AfterAll
	static void stop() {
		MAIL.stop();
	}

	@Test
	void signUpVerifyAndSignInAsAResidentWithNoRole() throws Exception {
		String email = "Vecina+" + UUID.randomUUID().toString().substring(0, 8) + "@Example.org";
		String address = email.toLowerCase();
		Api anyone = Api.anonymous(port);
		Api.Response signedUp = anyone.post("/api/residents",
				Map.of("email", email, "password", "chinampa luminosa 2024", "language", "pt"));
		assertThat(signedUp.status()).as("%s", signedUp).isEqualTo(202);

		MimeMessage verify = lastMailTo(address);
		assertThat(verify.getSubject()).isEqualTo("Confirme seu endereço de e-mail");
		String link = link(GreenMailUtil.getBody(verify));
		Api resident = Api.anonymous(port).as(Api.basic(address, "chinampa luminosa 2024"));
		assertThat(resident.get("/api/residents/me").json().path("verified").asBoolean()).isFalse();

		Api.Response verified = anyone.post("/api/residents/verify", Map.of("link", link));
		assertThat(verified.status()).as("%s", verified).isEqualTo(200);
		assertThat(verified.json().path("verified").asBoolean()).isTrue();
		assertThat(resident.get("/api/residents/me").json().path("email").asString()).isEqualTo(address);
		assertThat(anyone.post("/api/residents/verify", Map.of("link", link)).body()).contains("used already");

		Person person = people.byUsername(address).orElseThrow();
		assertThat(person.roles()).isEmpty();
		// a resident holds no role: what needs one refuses them
		assertThat(resident.get("/api/ledger?limit=1").status()).isEqualTo(403);
		assertThat(resident.post("/api/identity/people/" + person.id() + "/roles", Map.of("organisation", person.organisation(),
				"role", "admin")).status()).isEqualTo(403);
	}

	@Test
	void aSecondSignUpWithTheSameAddressMakesNoAccountAndIsAnsweredTheSame() throws Exception {
		String address = "twice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		Api anyone = Api.anonymous(port);
		Api.Response first = anyone.post("/api/residents", Map.of("email", address, "password", "azotea verde del barrio"));
		Api.Response second = anyone.post("/api/residents", Map.of("email", address, "password", "otra clave muy distinta"));
		assertThat(second.status()).isEqualTo(first.status()).isEqualTo(202);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(lastMailTo(address).getSubject()).isEqualTo("Ya tienes una cuenta");
		// the first password still signs in, the second does not
		assertThat(Api.anonymous(port).as(Api.basic(address, "azotea verde del barrio")).get("/api/residents/me")
			.status()).isEqualTo(200);
		assertThat(Api.anonymous(port).as(Api.basic(address, "otra clave muy distinta")).get("/api/residents/me")
			.status()).isEqualTo(401);
	}

	@Test
	void aNewPasswordThroughTheLinkMailedForIt() throws Exception {
		String address = "reset-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		Api anyone = Api.anonymous(port);
		anyone.post("/api/residents", Map.of("email", address, "password", "mercado de jamaica 77", "language", "en"));
		Api.Response asked = anyone.post("/api/residents/password-reset", Map.of("email", address));
		Api.Response unknown = anyone.post("/api/residents/password-reset", Map.of("email", "nobody-" + UUID.randomUUID()
				+ "@example.org"));
		assertThat(asked.status()).isEqualTo(unknown.status()).isEqualTo(202);
		assertThat(asked.body()).isEqualTo(unknown.body());
		MimeMessage reset = lastMailTo(address);
		assertThat(reset.getSubject()).isEqualTo("New password");
		String link = link(GreenMailUtil.getBody(reset));

		Api.Response weak = anyone.post("/api/residents/password", Map.of("link", link, "password", "password"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.body()).contains("most common");
		Api.Response set = anyone.post("/api/residents/password", Map.of("link", link, "password", "tianguis de los martes"));
		assertThat(set.status()).as("%s", set).isEqualTo(200);
		// setting the password proved the address
		assertThat(set.json().path("verified").asBoolean()).isTrue();
		assertThat(Api.anonymous(port).as(Api.basic(address, "tianguis de los martes")).get("/api/residents/me")
			.status()).isEqualTo(200);
		assertThat(anyone.post("/api/residents/password", Map.of("link", link, "password", "una tercera clave larga"))
			.status()).isEqualTo(400);
	}

	@Test
	void badInputIsRefusedAndNothingStored() {
		Api anyone = Api.anonymous(port);
		assertThat(anyone.post("/api/residents", Map.of("email", "not-an-address", "password", "una clave larga y rara"))
			.body()).contains("email");
		String address = "weak-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		Api.Response weak = anyone.post("/api/residents", Map.of("email", address, "password", "12345678"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(people.byUsername(address)).isEmpty();
		assertThat(anyone.post("/api/residents", Map.of("email", address, "password", "una clave larga y rara", "language",
				"fr")).status()).isEqualTo(400);
		assertThat(people.byUsername(address)).isEmpty();
		assertThat(anyone.post("/api/residents/verify", Map.of("link", "made-up")).status()).isEqualTo(400);
	}

	private static MimeMessage lastMailTo(String address) throws Exception {
		for (int i = 0; i < 50; i++) {
			MimeMessage found = null;
			for (MimeMessage message : MAIL.getReceivedMessages()) {
				if (message.getAllRecipients()[0].toString().equals(address)) {
					found = message;
				}
			}
			if (found != null) {
				return found;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no mail to " + address);
	}

	private static String link(String body) {
		Matcher m = LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
		assertThat(m.find()).as(body).isTrue();
		return m.group(1);
	}

}
