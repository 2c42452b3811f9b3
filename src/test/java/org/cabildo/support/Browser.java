package org.cabildo.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The portal in a real browser: Debian's headless Chromium driven by its chromedriver (Selenium),
 * against the test server, with the few things the browser tests ask of a page: its language and
 * heading, its accessibility (axe-core), how it fits a phone's screen, what it weighs on first load,
 * and a screenshot. A {@link org.cabildo.BrowserTest} gets one per test class ({@link PerTestClass});
 * each test starts without cookies, in the desktop window.
 */
public final class Browser implements AutoCloseable {

	/** Debian's chromium and chromedriver; elsewhere -Dcabildo.browser.chromium=... and -Dcabildo.browser.chromedriver=... */
	static final Path CHROMIUM = Path.of(System.getProperty("cabildo.browser.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("cabildo.browser.chromedriver", "/usr/bin/chromedriver"));

	/** The desktop viewport every test starts with, in CSS pixels. */
	public static final int WIDTH = 1280;

	public static final int HEIGHT = 900;

	/** Where screenshots go; with -Dcabildo.screenshots=DIR they are also written there (docs/screenshots for the README). */
	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration WAIT = Duration.ofSeconds(15);

	/**
	 * Selenium's own DevTools bindings lag behind Debian's Chromium and say so at every start; the
	 * tests use none of them (only ChromeDriver's way of sending a DevTools command). Kept here:
	 * java.util.logging forgets the level of a logger no one holds.
	 */
	private static final List<java.util.logging.Logger> QUIETER = List.of(
			java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
			java.util.logging.Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

	private final ChromeDriver driver;

	private final String base;

	private final Accessibility accessibility;

	Browser(int port) {
		QUIETER.forEach(logger -> logger.setLevel(Level.SEVERE));
		// The driver named here, and the browser: Selenium Manager (which would download them) is never asked.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withLogOutput(OutputStream.nullOutputStream())
			.build();
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
					"--window-size=" + WIDTH + "," + HEIGHT, "--hide-scrollbars", "--lang=es-MX",
					"--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
					"--disable-background-networking", "--disable-component-update", "--disable-default-apps",
					// one renderer for the test server's pages, none kept for going back: less to start and run
					"--process-per-site", "--disable-features=BackForwardCache,Translate,MediaRouter,OptimizationHints")
			.setExperimentalOption("prefs", Map.of("intl.accept_languages", "es-MX,es"));
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
		this.base = "http://127.0.0.1:" + port;
		this.accessibility = new Accessibility(driver);
	}

	/** What keeps the browser from starting here, if anything. */
	static Optional<String> missing() {
		List<String> missing = new ArrayList<>();
		for (Path program : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(program)) {
				missing.add(program.toString());
			}
		}
		return missing.isEmpty() ? Optional.empty()
				: Optional.of("no " + String.join(" nor ", missing) + " (Debian: apt-get install chromium chromium-driver)");
	}

	/** The driver itself, for what this class does not offer. */
	public ChromeDriver driver() {
		return driver;
	}

	/** Loads a page of the test server, e.g. {@code open("/?lang=pt")}, and waits until it has loaded. */
	public Browser open(String path) {
		driver.get(base + path);
		return this;
	}

	/** The current page's path and query, e.g. {@code /sign-in?lang=en}. */
	public String path() {
		URI uri = URI.create(driver.getCurrentUrl());
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	/** The language the page says it is in ({@code <html lang>}). */
	public String lang() {
		return driver.findElement(By.tagName("html")).getDomAttribute("lang");
	}

	/** The text of the page's h1. */
	public String heading() {
		return driver.findElement(By.tagName("h1")).getText();
	}

	/** The page's text as a person sees it. */
	public String text() {
		return driver.findElement(By.tagName("body")).getText();
	}

	public WebElement find(By element) {
		return driver.findElement(element);
	}

	/** Types into a field, replacing what it held. */
	public Browser type(By field, String text) {
		WebElement input = driver.findElement(field);
		input.clear();
		input.sendKeys(text);
		return this;
	}

	/** Clicks a link or a form's button that loads another page, and waits until that page has loaded. */
	public Browser follow(By linkOrButton) {
		WebElement page = driver.findElement(By.tagName("html"));
		driver.findElement(linkOrButton).click();
		WebDriverWait wait = new WebDriverWait(driver, WAIT);
		// the old page is gone once its element is: Chromium says so as a stale element, or, during
		// the navigation, as a node that no longer belongs to the document
		wait.until(d -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.WebDriverException gone) {
				return true;
			}
		});
		wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
		return this;
	}

	/** Signs in with the portal's form, as a person would. */
	public Browser signIn(String username, String password) {
		return open("/sign-in").type(By.id("username"), username)
			.type(By.id("password"), password)
			.follow(By.cssSelector("main form button[type=submit]"));
	}

	/** Fails listing every WCAG 2.1 A and AA violation axe-core finds on the current page. */
	public Browser assertAccessible() {
		accessibility.assertNoViolations(path());
		return this;
	}

	/**
	 * Lays pages out as a phone of this width does (a mobile viewport, 800 px high) until
	 * {@link #desktop()} or the next test; takes effect on the next page loaded.
	 */
	public Browser phone(int width) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", true));
		return this;
	}

	/** Back to a desktop's window: {@link #WIDTH} by {@link #HEIGHT}, all of it the page's. */
	public Browser desktop() {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
		return this;
	}

	/** The width of the viewport, in CSS pixels. */
	public long viewportWidth() {
		return ((Number) driver.executeScript("return document.documentElement.clientWidth")).longValue();
	}

	/** How wide the page is laid out: more than the viewport means a horizontal scroll. */
	public long scrollWidth() {
		return ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
	}

	/**
	 * The visible text that a reader of this viewport cannot read: smaller than {@code minimumPixels}
	 * (computed font size), or running out of the viewport (unless inside a box that scrolls, such as
	 * a wide table's). Text moved entirely out of view on purpose (a skip link) is left aside.
	 */
	@SuppressWarnings("unchecked")
	public List<String> unreadableText(int minimumPixels) {
		return (List<String>) driver.executeScript("""
				const minimum = arguments[0], width = document.documentElement.clientWidth, found = [];
				for (const element of document.body.querySelectorAll('*')) {
				  const text = [...element.childNodes].filter(n => n.nodeType === Node.TEXT_NODE)
				    .map(n => n.textContent.trim()).join(' ').trim();
				  if (!text || !element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
				  const box = element.getBoundingClientRect();
				  if (box.right <= 0 || box.width === 0) continue;
				  const size = parseFloat(getComputedStyle(element).fontSize);
				  let scrolls = false;
				  for (let box = element.parentElement; box && !scrolls; box = box.parentElement) {
				    scrolls = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
				  }
				  const name = element.tagName.toLowerCase() + ' "' + text.slice(0, 40) + '"';
				  if (size < minimum) found.push(name + ': ' + size + ' px');
				  if (!scrolls && (box.left < 0 || box.right > width + 1)) found.push(name + ': from ' + box.left + ' to ' + box.right + ' px of ' + width);
				}
				return found;
				""", minimumPixels);
	}

	/**
	 * What a page weighs on first load: with an empty cache, the bytes transferred for the page and
	 * everything it loads (the Resource Timing API's transferSize, or the encoded body where that is
	 * smaller), counted once the page has loaded and no more requests have started for half a second.
	 */
	public PageWeight weigh(String path) {
		return weigh(path, () -> open(path));
	}

	/**
	 * As {@link #weigh(String)}, the page that an action loads (a form sent, whose answer is the
	 * page): the cache emptied just before it.
	 */
	public PageWeight weigh(String page, Runnable load) {
		driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
		load.run();
		List<PageWeight.Resource> resources = List.of();
		long quietSince = System.nanoTime();
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			List<PageWeight.Resource> now = resources();
			if (now.size() != resources.size()) {
				resources = now;
				quietSince = System.nanoTime();
			}
			else if (System.nanoTime() - quietSince > Duration.ofMillis(500).toNanos()) {
				break;
			}
			sleep(100);
		}
		return new PageWeight(page, resources().stream().mapToLong(PageWeight.Resource::bytes).sum(), resources());
	}

	@SuppressWarnings("unchecked")
	private List<PageWeight.Resource> resources() {
		List<List<Object>> entries = (List<List<Object>>) driver.executeScript("""
				return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
				  .map(e => [e.name, e.initiatorType || e.entryType, e.transferSize, e.encodedBodySize]);
				""");
		return entries.stream()
			.map(e -> new PageWeight.Resource((String) e.get(0), (String) e.get(1),
					Math.max(((Number) e.get(2)).longValue(), ((Number) e.get(3)).longValue())))
			.toList();
	}

	/**
	 * Saves what the window shows of the current page (as a person sees it first) as
	 * {@code target/screenshots/NAME.png}, and into the folder -Dcabildo.screenshots names, if any
	 * (the README's pictures: {@code docs/screenshots}).
	 */
	public Path screenshot(String name) {
		return save(name, driver.getScreenshotAs(OutputType.BYTES));
	}

	/** As {@link #screenshot}, the whole page from top to bottom. */
	@SuppressWarnings("unchecked")
	public Path screenshotOfWholePage(String name) {
		Map<String, Object> layout = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		Map<String, Object> content = (Map<String, Object>) layout.get("cssContentSize");
		Map<String, Object> viewport = (Map<String, Object>) layout.get("cssLayoutViewport");
		Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", 0, "width", ((Number) viewport.get("clientWidth")).doubleValue(), "height",
								Math.ceil(((Number) content.get("height")).doubleValue()), "scale", 1)));
		return save(name, Base64.getDecoder().decode((String) shot.get("data")));
	}

	private static Path save(String name, byte[] png) {
		Path saved = write(SCREENSHOTS, name, png);
		String extra = System.getProperty("cabildo.screenshots");
		if (extra != null && !extra.isBlank()) {
			write(Path.of(extra), name, png);
		}
		return saved;
	}

	private static Path write(Path folder, String name, byte[] png) {
		try {
			Files.createDirectories(folder);
			return Files.write(folder.resolve(name + ".png"), png);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The errors the browser's console showed since the last call: scripts that failed, what the
	 * Content-Security-Policy refused, resources that did not load (a favicon aside).
	 */
	public List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(message -> !message.contains("/favicon.ico"))
			.collect(Collectors.toList());
	}

	/** As a new visitor: no cookies, the desktop window, nothing new in the console ({@link #weigh} empties the cache). */
	void reset() {
		driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		desktop();
		consoleErrors();
	}

	@Override
	public void close() {
		driver.quit();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/**
	 * What a page weighs: every request it made, with the bytes each transferred.
	 *
	 * @param bytes the sum over the page and everything it loaded
	 */
	public record PageWeight(String path, long bytes, List<Resource> resources) {

		public record Resource(String url, String type, long bytes) {
		}

		@Override
		public String toString() {
			return path + ": " + bytes + " bytes in " + resources.size() + " requests" + resources.stream()
				.map(r -> "\n  " + r.bytes() + "\t" + r.type() + "\t" + r.url())
				.collect(Collectors.joining());
		}

	}

	/**
	 * Gives the tests of a class one browser (started before the first, quit after the last) against
	 * the class's test server. Skips the class, saying why, where chromium or chromedriver is
	 * missing, unless the environment variable CABILDO_BROWSER_REQUIRED=1 makes that a failure.
	 */
	public static final class PerTestClass
			implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback, ParameterResolver {

		private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			Optional<String> missing = missing();
			if (missing.isEmpty() || required()) {
				return ConditionEvaluationResult.enabled("chromium and chromedriver are there, or required");
			}
			return ConditionEvaluationResult.disabled("Browser tests skipped: " + missing.get()
					+ "; with CABILDO_BROWSER_REQUIRED=1 they fail instead");
		}

		@Override
		public void beforeAll(ExtensionContext context) {
			missing().ifPresent(missing -> {
				throw new IllegalStateException(
						"CABILDO_BROWSER_REQUIRED=1 and the browser tests cannot run: " + missing);
			});
			int port = SpringExtension.getApplicationContext(context)
				.getEnvironment()
				.getRequiredProperty("local.server.port", Integer.class);
			// closed (the browser quit) when the class's tests are done
			context.getStore(NAMESPACE).put(Browser.class, new Browser(port));
		}

		@Override
		public void beforeEach(ExtensionContext context) {
			browser(context).reset();
		}

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == Browser.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			return browser(context);
		}

		private static Browser browser(ExtensionContext context) {
			return context.getStore(NAMESPACE).get(Browser.class, Browser.class);
		}

		private static boolean required() {
			return "1".equals(System.getenv("CABILDO_BROWSER_REQUIRED"));
		}

	}

}
