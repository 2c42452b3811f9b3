package org.cabildo.support;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openqa.selenium.chrome.ChromeDriver;

import com.deque.html.axecore.providers.EmbeddedResourceAxeProvider;

/**
 * WCAG 2.1 A and AA, as axe-core checks them on the page a browser shows: the rules tagged
 * wcag2a, wcag2aa, wcag21a and wcag21aa, run by the copy of axe-core its Java binding bundles.
 * <p>
 * The script (half a megabyte) is handed to the browser once, to run in every page it loads from
 * then on (as a DevTools script, which the pages' Content-Security-Policy does not apply to);
 * sending it again for each page checked took most of the time a check takes.
 */
final class Accessibility {

	static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			const selector = target => Array.isArray(target) ? target.join(' >>> ') : String(target);
			axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
			  .then(results => done(results.violations.map(rule => ({
			      id: rule.id, impact: rule.impact || '', help: rule.help, helpUrl: rule.helpUrl,
			      elements: rule.nodes.map(node => ({
			        target: node.target.map(selector).join(', '), summary: node.failureSummary || '' })) }))),
			    error => done('axe-core failed: ' + error));
			""";

	private final ChromeDriver driver;

	/** The script, once handed to the browser. */
	private String axe;

	Accessibility(ChromeDriver driver) {
		this.driver = driver;
	}

	/** A rule the page breaks, where (CSS selectors) and how to fix it. */
	record Violation(String id, String impact, String help, String helpUrl, List<Element> elements) {

		record Element(String target, String summary) {
		}

		@Override
		public String toString() {
			return "- " + id + " (" + impact + "): " + help + " <" + helpUrl + ">" + elements.stream()
				.map(element -> "\n    at " + element.target() + ": " + element.summary().replace("\n", " "))
				.collect(Collectors.joining());
		}

	}

	/** The rules the current page breaks. */
	@SuppressWarnings("unchecked")
	List<Violation> violations() {
		load();
		Object answer = driver.executeAsyncScript(RUN, WCAG_21_AA);
		if (!(answer instanceof List<?> rules)) {
			throw new AssertionError("axe-core could not check " + driver.getCurrentUrl() + ": " + answer);
		}
		return ((List<Map<String, Object>>) rules).stream()
			.map(rule -> new Violation((String) rule.get("id"), (String) rule.get("impact"), (String) rule.get("help"),
					(String) rule.get("helpUrl"),
					((List<Map<String, Object>>) rule.get("elements")).stream()
						.map(e -> new Violation.Element((String) e.get("target"), (String) e.get("summary")))
						.toList()))
			.toList();
	}

	/** Fails listing every violation: rule, impact, the elements (CSS selectors), and the rule's help. */
	void assertNoViolations(String page) {
		List<Violation> violations = violations();
		if (!violations.isEmpty()) {
			throw new AssertionError(page + " breaks " + violations.size() + " WCAG 2.1 A/AA rule(s) (axe-core):\n"
					+ violations.stream().map(Violation::toString).collect(Collectors.joining("\n")));
		}
	}

	private void load() {
		if (axe == null) {
			axe = script();
			driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", axe));
		}
		if (!Boolean.TRUE.equals(driver.executeScript("return typeof axe === 'object'"))) {
			// a page loaded before the first check
			driver.executeScript(axe);
		}
	}

	private static String script() {
		try {
			return new EmbeddedResourceAxeProvider().getScript();
		}
		catch (Exception e) {
			throw new IllegalStateException("axe-core's script is not on the class path", e);
		}
	}

}
