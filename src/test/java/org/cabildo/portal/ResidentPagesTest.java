package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.identity.People;
import org.cabildo.identity.Residents;
import org.cabildo.support.PortalClient;
import org.cabildo.support.TestMailbox;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;

/**
 * Residents' accounts through the portal's pages, over HTTP as a browser without JavaScript uses
 * them: signing up with the form, the mail's link to confirm the address (opening it confirms
 * nothing, its button does), signing in afterwards, a new password through the pages; every
 * mail's link opens a page (200); a refused form comes back (400) with its problem at its field
 * and makes no account; a link that does not work is a page that says why (400); the forms'
 * defences (CSRF token, trap, issue time) refuse before anything is sent; and the answers do not
 * tell whether an address has an account.
 */
@IntegrationTest
class ResidentPagesTest {

	private static final String PASSWORD = "ahuehuete junto al canal";

	@LocalServerPort
	int port;

	@Autowired
	TestMailbox mailbox;

	@Autowired
	People people;

	@Autowired
	Residents residents;

	@Autowired
	ObjectionFormSettings forms;

	@Test
	@DisplayName("sign up with the form, open the mailed link (still unverified), press its button (verified), sign in")
	void signUpConfirmWithTheButtonAndSignIn() throws Exception {
		PortalClient browser = new PortalClient(port);
		String address = unique("vecina");
		PortalClient.Page form = browser.get("/residents/sign-up?lang=en");
		assertThat(form.status()).isEqualTo(200);
		Document page = StreamCardTest.xml(form.body());
		assertThat(StreamCardTest.text(page, "//h1")).isEqualTo("Create a resident's account");
		// the password's rules in words, and the mails' language is the page's at first
		assertThat(StreamCardTest.text(page, "//*[@id='password-hint']")).startsWith("8 to 64 characters of any kind");
		assertThat(StreamCardTest.text(page, "//input[@id='password']/@aria-describedby")).isEqualTo("password-hint");
		assertThat(StreamCardTest.text(page, "//select[@id='language']/option[@selected]/@value")).isEqualTo("en");
		waitForTheForm();

		PortalClient.Page sent = browser.submit("/residents/sign-up?lang=en", "/residents/sign-up", Map.of("email",
				address.toUpperCase(), "password", PASSWORD, "language", "pt", "issued", form.input("issued").orElseThrow()));
		assertThat(sent.status()).as("%s", sent).isEqualTo(200);
		assertThat(StreamCardTest.text(StreamCardTest.xml(sent.body()), "//h1")).isEqualTo("We sent you a mail");
		assertThat(sent.body()).contains("A mail is on its way to " + address.toUpperCase());

		// the mail, in the language chosen, links to this server's page in that language
		String url = mailbox.lastUrlTo(address);
		assertThat(url).startsWith("http://127.0.0.1:" + port + "/residents/verify?link=").endsWith("&lang=pt");
		PortalClient.Page opened = browser.get(path(url));
		assertThat(opened.status()).as("%s", opened).isEqualTo(200);
		Document button = StreamCardTest.xml(opened.body());
		assertThat(StreamCardTest.text(button, "/*/@lang")).isEqualTo("pt");
		assertThat(StreamCardTest.text(button, "//h1")).isEqualTo("Confirme seu endereço de e-mail");
		assertThat(StreamCardTest.text(button, "//form[@id='form']/input[@name='link']/@value"))
			.isEqualTo(mailbox.lastLinkTo(address));
		// the language switch keeps the link
		assertThat(StreamCardTest.text(button, "//a[@lang='en']/@href"))
			.isEqualTo("/residents/verify?link=" + mailbox.lastLinkTo(address) + "&lang=en");
		// opening the link (as a mail scanner does) confirmed nothing
		assertThat(account(address).verified()).isFalse();

		PortalClient.Page confirmed = browser.submit(path(url), "/residents/verify", Map.of("link",
				opened.input("link").orElseThrow()));
		assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
		Document done = StreamCardTest.xml(confirmed.body());
		assertThat(StreamCardTest.text(done, "//h1")).isEqualTo("Seu e-mail está confirmado");
		assertThat(StreamCardTest.text(done, "//main//a/@href")).isEqualTo("/sign-in");
		assertThat(confirmed.body()).contains("Você já pode entrar com " + address);
		assertThat(account(address).verified()).isTrue();
		assertThat(account(address).language()).isEqualTo("pt");

		// the button again: the link was used
		PortalClient.Page again = browser.submit(path(url), "/residents/verify", Map.of("link",
				opened.input("link").orElseThrow()));
		assertThat(again.status()).isEqualTo(400);
		assertThat(StreamCardTest.text(StreamCardTest.xml(again.body()), "//*[@role='alert']"))
			.isEqualTo("Este link já foi usado: cada link serve uma só vez.");

		PortalClient signIn = new PortalClient(port);
		PortalClient.Page signedIn = signIn.signIn(address, PASSWORD);
		assertThat(signedIn.location()).as("%s", signedIn).isEqualTo("/");
		assertThat(signIn.get("/").body()).contains("(" + address + ")");
	}

	@Test
	@DisplayName("a sign-up with an address that has an account is answered the same, makes none, and its mail's link opens a page")
	void aSecondSignUpIsAnsweredTheSame() throws Exception {
		PortalClient browser = new PortalClient(port);
		String address = unique("dos-veces");
		String first = browser.get("/residents/sign-up?lang=es").input("issued").orElseThrow();
		String second = browser.get("/residents/sign-up?lang=es").input("issued").orElseThrow();
		waitForTheForm();
		PortalClient.Page one = browser.submit("/residents/sign-up", "/residents/sign-up", Map.of("email", address,
				"password", PASSWORD, "language", "es", "issued", first));
		PortalClient.Page two = browser.submit("/residents/sign-up", "/residents/sign-up", Map.of("email", address,
				"password", "otra clave distinta del todo", "language", "en", "issued", second));
		assertThat(two.status()).isEqualTo(one.status()).isEqualTo(200);
		assertThat(main(two)).isEqualTo(main(one));
		assertThat(mailbox.to(address)).hasSize(2);
		assertThat(mailbox.to(address).get(1).subject()).isEqualTo("Ya tienes una cuenta");
		String url = mailbox.lastUrlTo(address);
		assertThat(url).isEqualTo("http://127.0.0.1:" + port + "/residents/password?lang=es");
		PortalClient.Page asked = browser.get(path(url));
		assertThat(asked.status()).isEqualTo(200);
		assertThat(StreamCardTest.text(StreamCardTest.xml(asked.body()), "//h1")).isEqualTo("¿Olvidó su contraseña?");
		// one account, with the first sign-up's language
		assertThat(account(address).language()).isEqualTo("es");
	}

	@Test
	@DisplayName("a new password through the pages: asked for (answered as for an unknown address), a weak one refused at its field, set, signed in with")
	void aNewPasswordThroughThePages() throws Exception {
		PortalClient browser = new PortalClient(port);
		String address = unique("olvido");
		String signUp = browser.get("/residents/sign-up?lang=en").input("issued").orElseThrow();
		String ask = browser.get("/residents/password").input("issued").orElseThrow();
		String askForNobody = browser.get("/residents/password").input("issued").orElseThrow();
		waitForTheForm();
		assertThat(browser.submit("/residents/sign-up", "/residents/sign-up", Map.of("email", address, "password",
				PASSWORD, "language", "en", "issued", signUp)).status()).isEqualTo(200);

		PortalClient.Page asked = browser.submit("/residents/password", "/residents/password", Map.of("email",
				address, "issued", ask));
		String nobody = unique("nadie");
		PortalClient.Page askedForNobody = browser.submit("/residents/password", "/residents/password",
				Map.of("email", nobody, "issued", askForNobody));
		assertThat(asked.status()).isEqualTo(askedForNobody.status()).isEqualTo(200);
		assertThat(main(asked).replace(address, nobody)).isEqualTo(main(askedForNobody));
		assertThat(asked.body()).contains("If " + address + " has a resident&#39;s account");
		assertThat(mailbox.to(nobody)).isEmpty();

		String url = mailbox.lastUrlTo(address);
		assertThat(url).startsWith("http://127.0.0.1:" + port + "/residents/password?link=").endsWith("&lang=en");
		PortalClient.Page form = browser.get(path(url));
		assertThat(form.status()).isEqualTo(200);
		assertThat(StreamCardTest.text(StreamCardTest.xml(form.body()), "//h1")).isEqualTo("Choose a new password");
		String link = form.input("link").orElseThrow();
		assertThat(link).isEqualTo(mailbox.lastLinkTo(address));

		PortalClient.Page weak = browser.submit(path(url), "/residents/password/new", Map.of("link", link, "password",
				"password"));
		assertThat(weak.status()).isEqualTo(400);
		Document refused = StreamCardTest.xml(weak.body());
		assertThat(StreamCardTest.text(refused, "//*[@id='password-problems']")).startsWith(
				"This password is among the most common ones");
		assertThat(StreamCardTest.text(refused, "//*[@id='problems']//a[@href='#password']")).startsWith(
				"This password is among the most common ones");
		assertThat(StreamCardTest.text(refused, "//input[@id='password']/@aria-invalid")).isEqualTo("true");
		assertThat(StreamCardTest.text(refused, "//input[@id='password']/@value")).isEmpty();
		// the link comes back with the form, and still works
		assertThat(weak.input("link")).contains(link);

		PortalClient.Page set = browser.submit(path(url), "/residents/password/new", Map.of("link", link, "password",
				"jacarandas en la avenida"));
		assertThat(set.status()).as("%s", set).isEqualTo(200);
		assertThat(StreamCardTest.text(StreamCardTest.xml(set.body()), "//h1")).isEqualTo("Your new password is saved");
		// setting it proved the address
		assertThat(account(address).verified()).isTrue();
		assertThat(new PortalClient(port).signIn(address, PASSWORD).location()).isEqualTo("/sign-in?error");
		assertThat(new PortalClient(port).signIn(address, "jacarandas en la avenida").location()).isEqualTo("/");

		PortalClient.Page used = browser.submit(path(url), "/residents/password/new", Map.of("link", link, "password",
				"una tercera clave larga"));
		assertThat(used.status()).isEqualTo(400);
		Document usedPage = StreamCardTest.xml(used.body());
		assertThat(StreamCardTest.text(usedPage, "//h1")).isEqualTo("This link does not work");
		assertThat(StreamCardTest.text(usedPage, "//*[@role='alert']")).isEqualTo(
				"This link was used already: each link works once.");
		assertThat(StreamCardTest.text(usedPage, "//main//a[1]/@href")).isEqualTo("/residents/password");
	}

	@Test
	@DisplayName("a bad address, a weak password, an unknown language: 400, the form with the problem at its field, no account, no mail")
	void badInputComesBackAtItsField() throws Exception {
		PortalClient browser = new PortalClient(port);
		String address = unique("debil");
		String issued = browser.get("/residents/sign-up?lang=es").input("issued").orElseThrow();
		waitForTheForm();

		PortalClient.Page badEmail = browser.submit("/residents/sign-up", "/residents/sign-up", Map.of("email",
				"no es un correo", "password", PASSWORD, "language", "es", "issued", issued));
		assertThat(badEmail.status()).isEqualTo(400);
		Document page = StreamCardTest.xml(badEmail.body());
		assertThat(StreamCardTest.text(page, "//*[@id='email-problems']"))
			.isEqualTo("Escriba una dirección de correo electrónico válida, como nombre@ejemplo.org.");
		assertThat(StreamCardTest.text(page, "//*[@id='problems']//a[@href='#email']"))
			.isEqualTo("Escriba una dirección de correo electrónico válida, como nombre@ejemplo.org.");
		assertThat(StreamCardTest.text(page, "//input[@id='email']/@value")).isEqualTo("no es un correo");
		assertThat(StreamCardTest.text(page, "//input[@id='email']/@aria-describedby")).isEqualTo(
				"email-hint email-problems");
		// the password never comes back in the page
		assertThat(badEmail.body()).doesNotContain(PASSWORD);

		PortalClient.Page weak = browser.submit("/residents/sign-up", "/residents/sign-up", Map.of("email", address,
				"password", "12345678", "language", "pt", "issued", badEmail.input("issued").orElseThrow()));
		assertThat(weak.status()).isEqualTo(400);
		Document weakPage = StreamCardTest.xml(weak.body());
		assertThat(StreamCardTest.text(weakPage, "//*[@id='password-problems']"))
			.isEqualTo("Esta contraseña está entre las más usadas: elija otra. Unas cuantas palabras sin relación"
					+ " entre sí hacen una buena contraseña.");
		assertThat(StreamCardTest.text(weakPage, "//input[@id='email']/@value")).isEqualTo(address);
		assertThat(StreamCardTest.text(weakPage, "//select[@id='language']/option[@selected]/@value")).isEqualTo("pt");

		PortalClient.Page short_ = browser.submit("/residents/sign-up", "/residents/sign-up", Map.of("email", address,
				"password", "corta", "language", "es", "issued", weak.input("issued").orElseThrow()));
		assertThat(StreamCardTest.text(StreamCardTest.xml(short_.body()), "//*[@id='password-problems']"))
			.isEqualTo("La contraseña es demasiado corta: necesita al menos 8 caracteres.");

		PortalClient.Page french = browser.submit("/residents/sign-up", "/residents/sign-up", Map.of("email", address,
				"password", PASSWORD, "language", "fr", "issued", short_.input("issued").orElseThrow()));
		assertThat(french.status()).isEqualTo(400);
		assertThat(StreamCardTest.text(StreamCardTest.xml(french.body()), "//*[@id='language-problems']"))
			.isEqualTo("Elija uno de los idiomas de la lista.");

		assertThat(people.byUsername(address)).isEmpty();
		assertThat(mailbox.to(address)).isEmpty();

		String ask = browser.get("/residents/password?lang=en").input("issued").orElseThrow();
		waitForTheForm();
		PortalClient.Page badReset = browser.submit("/residents/password", "/residents/password", Map.of("email",
				"nobody at all", "issued", ask));
		assertThat(badReset.status()).isEqualTo(400);
		assertThat(StreamCardTest.text(StreamCardTest.xml(badReset.body()), "//*[@id='email-problems']"))
			.isEqualTo("Write a valid email address, such as name@example.org.");
	}

	@Test
	@DisplayName("a link that is not one mailed, or none: 400, a page that says why and how to get another")
	void aBadLinkIsAPageThatSaysSo() throws Exception {
		PortalClient browser = new PortalClient(port);
		PortalClient.Page none = browser.get("/residents/verify?lang=en");
		assertThat(none.status()).isEqualTo(400);
		assertThat(StreamCardTest.text(StreamCardTest.xml(none.body()), "//*[@role='alert']"))
			.isEqualTo("The link is missing: open the whole address we mailed you.");

		// a link that is not one mailed opens the page of its button (nothing is checked on opening)
		assertThat(browser.get("/residents/verify?link=made-up").status()).isEqualTo(200);
		PortalClient.Page madeUp = browser.submit("/residents/verify?link=made-up", "/residents/verify",
				Map.of("link", "made-up"));
		assertThat(madeUp.status()).isEqualTo(400);
		assertThat(madeUp.header("Content-Type")).startsWith("text/html");
		Document page = StreamCardTest.xml(madeUp.body());
		assertThat(StreamCardTest.text(page, "//h1")).isEqualTo("This link does not work");
		assertThat(StreamCardTest.text(page, "//*[@role='alert']"))
			.isEqualTo("This is not a link we mailed, or not one for this. Copy the whole address from the mail.");
		assertThat(StreamCardTest.count(page, "//main//a[@href='/residents/password']")).isEqualTo(1);
		assertThat(StreamCardTest.count(page, "//main//a[@href='/residents/sign-up']")).isEqualTo(1);

		assertThat(browser.get("/residents/password?link=made-up").status()).isEqualTo(200);
		PortalClient.Page reset = browser.submit("/residents/password?link=made-up", "/residents/password/new",
				Map.of("link", "made-up", "password", PASSWORD));
		assertThat(reset.status()).isEqualTo(400);
		assertThat(StreamCardTest.text(StreamCardTest.xml(reset.body()), "//main//a[1]/@href"))
			.isEqualTo("/residents/password");
	}

	@Test
	@DisplayName("the forms' defences: no CSRF token 403, the trap field, sent too fast, sent twice: nothing sent")
	void theFormsDefencesRefuseBeforeAnythingIsSent() throws Exception {
		PortalClient browser = new PortalClient(port);
		String address = unique("defensa");
		String issued = browser.get("/residents/sign-up?lang=en").input("issued").orElseThrow();

		PortalClient.Page tooFast = browser.submit("/residents/sign-up", "/residents/sign-up", Map.of("email", address,
				"password", PASSWORD, "language", "en", "issued", issued));
		assertThat(tooFast.status()).isEqualTo(400);
		assertThat(StreamCardTest.text(StreamCardTest.xml(tooFast.body()), "//*[@id='problems']//span"))
			.startsWith("It was not sent: the form was sent too fast");
		// the same token comes back, good once the moment has passed
		assertThat(tooFast.input("issued")).contains(issued);
		waitForTheForm();

		PortalClient.Page noToken = browser.post("/residents/sign-up", Map.of("email", address, "password", PASSWORD,
				"issued", issued));
		assertThat(noToken.status()).isEqualTo(403);
		PortalClient.Page trapped = browser.submit("/residents/sign-up", "/residents/sign-up", Map.of("email", address,
				"password", PASSWORD, "issued", issued, "website", "http://spam.example"));
		assertThat(trapped.status()).isEqualTo(400);
		assertThat(StreamCardTest.text(StreamCardTest.xml(trapped.body()), "//*[@id='problems']//span"))
			.startsWith("It was not sent: the field that must stay empty had text.");
		PortalClient.Page unsigned = browser.submit("/residents/sign-up", "/residents/sign-up", Map.of("email",
				address, "password", PASSWORD));
		assertThat(unsigned.status()).isEqualTo(400);
		assertThat(people.byUsername(address)).isEmpty();
		assertThat(mailbox.to(address)).isEmpty();

		assertThat(browser.submit("/residents/sign-up", "/residents/sign-up", Map.of("email", address, "password",
				PASSWORD, "issued", issued)).status()).isEqualTo(200);
		PortalClient.Page twice = browser.submit("/residents/sign-up", "/residents/sign-up", Map.of("email", address,
				"password", PASSWORD, "issued", issued));
		assertThat(twice.status()).isEqualTo(400);
		assertThat(StreamCardTest.text(StreamCardTest.xml(twice.body()), "//*[@id='problems']//span"))
			.startsWith("It was not sent again: this form was sent already.");
		assertThat(mailbox.to(address)).hasSize(1);
		// a token of the sign-up form asks for no new password
		PortalClient.Page otherForm = browser.submit("/residents/password", "/residents/password", Map.of("email",
				address, "issued", browser.get("/residents/sign-up").input("issued").orElseThrow()));
		assertThat(otherForm.status()).isEqualTo(400);
		assertThat(mailbox.to(address)).hasSize(1);
	}

	@Test
	@DisplayName("an address receives a few mails an hour at most through the pages, and the answer does not change")
	void anAddressReceivesAFewMailsAnHour() throws Exception {
		PortalClient browser = new PortalClient(port);
		String address = unique("muchos");
		String signUp = browser.get("/residents/sign-up").input("issued").orElseThrow();
		List<String> asks = List.of(browser.get("/residents/password").input("issued").orElseThrow(),
				browser.get("/residents/password").input("issued").orElseThrow(),
				browser.get("/residents/password").input("issued").orElseThrow());
		waitForTheForm();
		browser.submit("/residents/sign-up", "/residents/sign-up", Map.of("email", address, "password", PASSWORD,
				"issued", signUp));
		String first = null;
		for (String ask : asks) {
			PortalClient.Page asked = browser.submit("/residents/password", "/residents/password", Map.of("email",
					address, "issued", ask));
			assertThat(asked.status()).isEqualTo(200);
			first = first == null ? main(asked) : first;
			assertThat(main(asked)).isEqualTo(first);
		}
		assertThat(mailbox.to(address)).hasSize(3);
	}

	private Residents.Account account(String address) {
		return residents.byPerson(people.byUsername(address).orElseThrow().id()).orElseThrow();
	}

	private void waitForTheForm() throws InterruptedException {
		Thread.sleep(forms.minAge().toMillis() + 200);
	}

	/** A mail's address as a path of this server. */
	private static String path(String url) {
		URI uri = URI.create(url);
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	/** The page's main part: what it says, apart from the layout. */
	private static String main(PortalClient.Page page) {
		return page.body().substring(page.body().indexOf("<main"), page.body().indexOf("</main>"));
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

}
