package org.cabildo.portal.operator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.support.PortalClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** People who sign in to the console with the form, each test's own, and what the tests read off its pages. */
final class ConsoleAccounts {

	static final String PASSWORD = "console-test-password-4c8e";

	private final Organisations organisations;

	private final People people;

	private final int port;

	ConsoleAccounts(Organisations organisations, People people, int port) {
		this.organisations = organisations;
		this.people = people;
		this.port = port;
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	Organisation organisation(String prefix) {
		return organisations.create(unique(prefix));
	}

	/** A person with a password and these roles in the organisation. */
	Person person(Organisation organisation, Role... roles) {
		Person person = people.create(unique("person"), PASSWORD, organisation.id(), "test");
		for (Role role : roles) {
			people.grant(person.id(), organisation.id(), role, "test");
		}
		return person;
	}

	/** A browser signed in as the person, its pages in English. */
	PortalClient signedIn(Person person) {
		return signedIn(person.username(), PASSWORD);
	}

	PortalClient signedIn(String username, String password) {
		PortalClient browser = new PortalClient(port);
		browser.get("/?lang=en");
		PortalClient.Page signedIn = browser.signIn(username, password);
		if (signedIn.status() != 302 || !"/".equals(signedIn.location())) {
			throw new IllegalStateException("could not sign in as " + username + ": " + signedIn);
		}
		return browser;
	}

	/** The id at the end of a redirect to a page of one entity ({@code /console/operator/things/12?done=...}). */
	static long idIn(String location) {
		Matcher id = Pattern.compile("/(\\d+)(\\?.*)?$").matcher(location);
		if (!id.find()) {
			throw new IllegalStateException("no id in " + location);
		}
		return Long.parseLong(id.group(1));
	}

	/** The element of the page with this id; null if none (the page names no DTD, so XPath finds it). */
	static Element byId(Document page, String id) {
		try {
			return (Element) XPathFactory.newInstance().newXPath().evaluate("//*[@id='" + id + "']", page,
					XPathConstants.NODE);
		}
		catch (XPathExpressionException e) {
			throw new IllegalArgumentException(id, e);
		}
	}

	/** The page parsed by a strict XML parser: any unclosed element, or a raw '<' from data, fails it. */
	static Document strict(PortalClient.Page page) {
		try {
			return DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(new ByteArrayInputStream(page.body().getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception e) {
			throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + page, e);
		}
	}

}
