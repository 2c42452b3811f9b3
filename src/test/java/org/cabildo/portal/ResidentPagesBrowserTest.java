package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.UUID;

import org.cabildo.BrowserTest;
import org.cabildo.identity.People;
import org.cabildo.identity.Residents;
import org.cabildo.support.Browser;
import org.cabildo.support.TestMailbox;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A resident's account in a real browser, by clicking, from the sign-in page: signing up, the
 * mailed link (which opens a page with a button, in the mail's language), confirming, and signing
 * in; and a forgotten password set anew. Every page on the way has no WCAG 2.1 A/AA violation
 * (axe-core) and no error in the console.
 *
 * <p>The forms may be sent at once here, as in {@link ReportFormBrowserTest} (the same server):
 * the delay they ask of scripts is checked by {@link ResidentPagesTest}.
 */
@BrowserTest
@TestPropertySource(properties = "cabildo.portal.objection-form.min-age=0s")
class ResidentPagesBrowserTest {

	private static final String PASSWORD = "trajinera azul en xochimilco";

	@LocalServerPort
	int port;

	@Autowired
	TestMailbox mailbox;

	@Autowired
	People people;

	@Autowired
	Residents residents;

	@Test
	void signUpFromTheSignInPageConfirmTheAddressAndSignIn(Browser browser) {
		String address = "navegadora-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		browser.open("/sign-in?lang=es").follow(By.cssSelector("main a[href='/residents/sign-up']"));
		assertThat(browser.heading()).isEqualTo("Crear una cuenta de vecino");
		browser.assertAccessible();
		browser.type(By.id("email"), address).type(By.id("password"), PASSWORD);
		new Select(browser.find(By.id("language"))).selectByValue("en");
		browser.follow(By.cssSelector("#form button[type=submit]"));
		assertThat(browser.heading()).isEqualTo("Le enviamos un correo");
		assertThat(browser.text()).contains("Va en camino un correo a " + address);
		browser.assertAccessible();

		// the mail is in English, as chosen, and so is the page its link opens
		browser.open(path(mailbox.lastUrlTo(address)));
		assertThat(browser.lang()).isEqualTo("en");
		assertThat(browser.heading()).isEqualTo("Confirm your email address");
		assertThat(verified(address)).as("confirmed by opening the link").isFalse();
		browser.assertAccessible();
		browser.follow(By.cssSelector("#form button[type=submit]"));
		assertThat(browser.heading()).isEqualTo("Your email address is confirmed");
		assertThat(verified(address)).isTrue();
		browser.assertAccessible();

		browser.follow(By.cssSelector("main a[href='/sign-in']"));
		browser.type(By.id("username"), address).type(By.id("password"), PASSWORD)
			.follow(By.cssSelector("main form button[type=submit]"));
		assertThat(browser.path()).isEqualTo("/");
		assertThat(browser.find(By.cssSelector("header form button")).getText()).contains(address);
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void aForgottenPasswordSetAnewFromTheSignInPage(Browser browser) {
		String address = "olvidadiza-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		browser.open("/residents/sign-up?lang=pt").type(By.id("email"), address).type(By.id("password"), PASSWORD)
			.follow(By.cssSelector("#form button[type=submit]"));
		assertThat(browser.heading()).isEqualTo("Enviamos um e-mail");

		browser.open("/sign-in").follow(By.cssSelector("main a[href='/residents/password']"));
		assertThat(browser.heading()).isEqualTo("Esqueceu sua senha?");
		browser.assertAccessible();
		browser.type(By.id("email"), address).follow(By.cssSelector("#form button[type=submit]"));
		assertThat(browser.heading()).isEqualTo("Enviamos um e-mail");
		browser.assertAccessible();

		browser.open(path(mailbox.lastUrlTo(address)));
		assertThat(browser.heading()).isEqualTo("Escolha uma nova senha");
		browser.assertAccessible();
		// a weak one first: the form again, the problem at the field, announced to screen readers
		browser.type(By.id("password"), "qwertyuiop").follow(By.cssSelector("#form button[type=submit]"));
		assertThat(browser.find(By.id("password-problems")).getText()).startsWith("Esta senha está entre as mais usadas");
		assertThat(browser.find(By.id("password")).getDomAttribute("aria-invalid")).isEqualTo("true");
		browser.assertAccessible();
		// the refusal's status (400) is the one error the console reports
		assertThat(browser.consoleErrors()).singleElement().asString().contains("/residents/password/new", "400");
		browser.type(By.id("password"), "cempasúchil en la ofrenda").follow(By.cssSelector("#form button[type=submit]"));
		assertThat(browser.heading()).isEqualTo("Sua nova senha está salva");
		browser.assertAccessible();

		browser.signIn(address, "cempasúchil en la ofrenda");
		assertThat(browser.path()).isEqualTo("/");
		assertThat(browser.find(By.cssSelector("header form button")).getText()).contains(address);
		assertThat(browser.consoleErrors()).isEmpty();
	}

	private boolean verified(String address) {
		return residents.byPerson(people.byUsername(address).orElseThrow().id()).orElseThrow().verified();
	}

	private static String path(String url) {
		URI uri = URI.create(url);
		return uri.getRawPath() + "?" + uri.getRawQuery();
	}

}
