package org.cabildo.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's way with the portal, without the browser: keeps cookies (language, CSRF token,
 * session), follows no redirect by itself, and fills a page's form with the CSRF token the page
 * carries, as a browser posting the form would.
 */
public final class PortalClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	private final int port;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	public PortalClient(int port) {
		this.port = port;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/**
	 * A browser on another loopback address (such as {@code 127.0.0.9}): one of its own to the
	 * limits kept per client address, whatever other tests on the server spent.
	 */
	public PortalClient(int port, String loopbackAddress) {
		this.port = port;
		try {
			this.http = HttpClient.newBuilder()
				.cookieHandler(cookies)
				.followRedirects(HttpClient.Redirect.NEVER)
				.localAddress(java.net.InetAddress.getByName(loopbackAddress))
				.build();
		}
		catch (java.net.UnknownHostException e) {
			throw new IllegalArgumentException(loopbackAddress, e);
		}
	}

	/** A page as a browser gets it. */
	public Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
	}

	/**
	 * Posts a form of the page at {@code pagePath} to {@code action}, with the CSRF token that
	 * page carries (the first form's; all forms of a page carry the same).
	 */
	public Page submit(String pagePath, String action, Map<String, String> fields) {
		Page page = get(pagePath);
		Map<String, String> form = new LinkedHashMap<>(fields);
		page.csrfToken().ifPresent(token -> form.put("_csrf", token));
		return post(action, form);
	}

	/** Posts fields as a form, exactly as given (no CSRF token unless among them). */
	public Page post(String action, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Posts fields as a form, a name with several values (checkboxes) once per value, exactly as
	 * given (no CSRF token unless among them).
	 */
	public Page postAll(String action, Map<String, java.util.List<String>> fields) {
		String body = fields.entrySet()
			.stream()
			.flatMap(e -> e.getValue().stream().map(value -> encode(e.getKey()) + "=" + encode(value)))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Signs in with the portal's form; the answer is the redirect the form gives. */
	public Page signIn(String username, String password) {
		return submit("/sign-in", "/sign-in", Map.of("username", username, "password", password));
	}

	/**
	 * Follows a redirect wherever it leads (another server too, such as an OIDC provider), with
	 * this client's cookies, as a browser would.
	 */
	public Page follow(Page redirect) {
		URI target = uri("/").resolve(redirect.header("Location"));
		return send(HttpRequest.newBuilder(target).header("Accept", "text/html").GET());
	}

	/** The value of a cookie this client holds, if any. */
	public java.util.Optional<String> cookie(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
			.map(java.net.HttpCookie::getValue).findFirst();
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** A page or a redirect, as the portal answered. */
	public record Page(int status, String body, Map<String, java.util.List<String>> headers) {

		public String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0)).findFirst().orElse(null);
		}

		/** Where a redirect goes, as a path of the portal. */
		public String location() {
			String location = header("Location");
			return location == null ? null : URI.create(location).getRawPath()
					+ (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery());
		}

		/** The value of the page's first input with this name (a hidden field a form carries), if any. */
		public java.util.Optional<String> input(String name) {
			Matcher matcher = Pattern.compile("<input[^>]*\\sname=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(body);
			if (!matcher.find()) {
				return java.util.Optional.empty();
			}
			Matcher value = Pattern.compile("\\svalue=\"([^\"]*)\"").matcher(matcher.group());
			return java.util.Optional.of(value.find() ? value.group(1).replace("&amp;", "&") : "");
		}

		java.util.Optional<String> csrfToken() {
			Matcher matcher = CSRF.matcher(body);
			return matcher.find() ? java.util.Optional.of(matcher.group(1) != null ? matcher.group(1) : matcher.group(2))
					: java.util.Optional.empty();
		}

		@Override
		public String toString() {
			return status + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
		}

	}

}
