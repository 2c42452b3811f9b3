package org.cabildo.portal.steward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.cabildo.support.PortalClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A form of a page as a browser would send it: its action and the values of its fields (text,
 * text areas, the selected option, checked boxes and buttons, hidden fields such as the CSRF
 * token), read from the page parsed as strict XML. A test changes some and sends it.
 */
final class HtmlForm {

	private final String action;

	private final Map<String, List<String>> fields;

	private HtmlForm(String action, Map<String, List<String>> fields) {
		this.action = action;
		this.fields = fields;
	}

	/** The page as a strict XML document: a page that is not well-formed fails the test. */
	static Document document(PortalClient.Page page) {
		try {
			return DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(new ByteArrayInputStream(page.body().getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception e) {
			throw new AssertionError("the page is not well-formed: " + e.getMessage() + "\n" + page, e);
		}
	}

	/** The form whose action ends with {@code action} on the page. */
	static HtmlForm of(PortalClient.Page page, String action) {
		NodeList forms = document(page).getElementsByTagName("form");
		for (int i = 0; i < forms.getLength(); i++) {
			Element form = (Element) forms.item(i);
			if (form.getAttribute("action").endsWith(action)) {
				return new HtmlForm(form.getAttribute("action"), fields(form));
			}
		}
		throw new AssertionError("no form posts to " + action + " on the page:\n" + page);
	}

	private static Map<String, List<String>> fields(Element form) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		NodeList inputs = form.getElementsByTagName("input");
		for (int i = 0; i < inputs.getLength(); i++) {
			Element input = (Element) inputs.item(i);
			String type = input.getAttribute("type");
			boolean chosen = !(type.equals("checkbox") || type.equals("radio")) || input.hasAttribute("checked");
			if (chosen && !input.getAttribute("name").isEmpty()) {
				add(fields, input.getAttribute("name"), input.getAttribute("value"));
			}
		}
		NodeList areas = form.getElementsByTagName("textarea");
		for (int i = 0; i < areas.getLength(); i++) {
			Element area = (Element) areas.item(i);
			add(fields, area.getAttribute("name"), area.getTextContent());
		}
		NodeList selects = form.getElementsByTagName("select");
		for (int i = 0; i < selects.getLength(); i++) {
			Element select = (Element) selects.item(i);
			NodeList options = select.getElementsByTagName("option");
			for (int j = 0; j < options.getLength(); j++) {
				Element option = (Element) options.item(j);
				if (option.hasAttribute("selected")) {
					add(fields, select.getAttribute("name"), option.getAttribute("value"));
				}
			}
		}
		return fields;
	}

	private static void add(Map<String, List<String>> fields, String name, String value) {
		fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
	}

	/** The value of a field as the page shows it; null for none. */
	String value(String name) {
		List<String> values = fields.get(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	List<String> values(String name) {
		return fields.getOrDefault(name, List.of());
	}

	/** The same form with a field set to these values (none: left out, as an unchecked box). */
	HtmlForm with(String name, String... values) {
		Map<String, List<String>> changed = new LinkedHashMap<>(fields);
		changed.put(name, List.of(values));
		return new HtmlForm(action, changed);
	}

	HtmlForm without(String name) {
		Map<String, List<String>> changed = new LinkedHashMap<>(fields);
		changed.remove(name);
		return new HtmlForm(action, changed);
	}

	/** Sends the form as a browser would; the answer is not followed. */
	PortalClient.Page send(PortalClient browser) {
		assertThat(action).startsWith("/");
		return browser.postAll(action, fields);
	}

}
