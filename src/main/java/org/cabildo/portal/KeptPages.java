package org.cabildo.portal;

import java.io.CharArrayWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.cabildo.platform.LeastRecentlyUsed;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Pages that are the same for every anonymous visitor, kept as written: a page is rendered once
 * for what it was made from (its model object, which its maker keeps the same for as long as the
 * page holds) and in a language, then sent as it is to every visitor until that object changes.
 * The home page names 200 streams; writing it out costs far more than sending it.
 *
 * <p>
 * A page may have holes for what is each visitor's own: its forms' CSRF token, and any other
 * value its maker names ({@link Hole}, such as a form's signed issue time). The page is written
 * with a marker in each hole, and each request fills the markers with its own values. Only for
 * anonymous visitors (a signed-in person's page names them). At most {@link #MOST} pages are
 * kept, the least recently sent given up first.
 */
@Component
class KeptPages {

	/**
	 * Pages kept at most: a demo card is 33 KB as written, and with the card it is made from it
	 * holds about 70 KB of the heap, so some 18 MB at most.
	 */
	static final int MOST = 256;

	private final ThymeleafViewResolver views;

	private final Map<String, Kept> kept = LeastRecentlyUsed.map(MOST);

	/** Makes the markers no page writes by itself: letters, digits and dashes, which escaping keeps as they are. */
	private final String markers = "kept-" + UUID.randomUUID() + "-";

	KeptPages(ThymeleafViewResolver views) {
		this.views = views;
	}

	/**
	 * A place in a page for a value of each visitor's own: the page's model holds
	 * {@link #marker(String) the marker} of its name where the value goes, and each request writes
	 * {@code value}'s answer there, escaped for HTML.
	 */
	record Hole(String name, Supplier<String> value) {
	}

	/** What a page's model holds where the hole of this name is. */
	String marker(String hole) {
		return markers + hole;
	}

	/** The view {@code name} in a language, kept for as long as {@code source} is the same object. */
	View view(String name, Language language, Object source) {
		return view(name, name, language, source, List.of());
	}

	/**
	 * The view {@code name} of the page {@code page} (one of several pages the view writes, such as
	 * one stream's card), kept for as long as {@code source} is the same object, with its holes
	 * filled for each request.
	 */
	View view(String name, String page, Language language, Object source, List<Hole> holes) {
		holes.forEach(hole -> {
			if (!hole.name().chars().allMatch(Character::isLetterOrDigit) || hole.name().equals(CSRF)) {
				throw new IllegalArgumentException("a hole's name is letters and digits, not csrf: " + hole.name());
			}
		});
		return new KeptView(name, page + "|" + language.code(), language, source, holes);
	}

	/** A page as written: its parts, and between each two the name of the hole whose value goes there. */
	private record Kept(Object source, String contentType, List<byte[]> parts, List<String> holes) {
	}

	/** The name of the hole for the forms' CSRF token. */
	private static final String CSRF = "csrf";

	private final class KeptView implements View {

		private final String name;

		private final String key;

		private final Language language;

		private final Object source;

		private final List<Hole> holes;

		KeptView(String name, String key, Language language, Object source, List<Hole> holes) {
			this.name = name;
			this.key = key;
			this.language = language;
			this.source = source;
			this.holes = holes;
		}

		@Override
		public String getContentType() {
			return "text/html;charset=UTF-8";
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
			Kept page = kept.get(key);
			if (page == null || page.source() != source) {
				page = write(model, request, response, csrf);
				kept.put(key, page);
			}
			// Every value before the first byte: the CSRF token's cookie goes with the headers.
			List<byte[]> values = new ArrayList<>();
			for (String hole : page.holes()) {
				String value = hole.equals(CSRF) ? csrf == null ? "" : csrf.getToken() : value(hole);
				values.add(HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name()).getBytes(StandardCharsets.UTF_8));
			}
			response.setContentType(page.contentType() == null ? getContentType() : page.contentType());
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			var out = response.getOutputStream();
			for (int i = 0; i < page.parts().size(); i++) {
				if (i > 0) {
					out.write(values.get(i - 1));
				}
				out.write(page.parts().get(i));
			}
		}

		private String value(String hole) {
			return holes.stream()
				.filter(h -> h.name().equals(hole))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("the page " + key + " has a hole " + hole))
				.value()
				.get();
		}

		/** The page written with markers in its holes, cut at them. */
		private Kept write(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response,
				CsrfToken csrf) throws Exception {
			View view = views.resolveViewName(name, language.locale());
			if (view == null) {
				throw new IllegalStateException("no view " + name);
			}
			Written written = new Written(response);
			view.render(model, csrf == null ? request : new MarkedCsrf(request, csrf, marker(CSRF)), written);
			String text = written.page.toString();
			List<byte[]> parts = new ArrayList<>();
			List<String> order = new ArrayList<>();
			int from = 0;
			while (true) {
				int at = text.indexOf(markers, from);
				if (at < 0) {
					break;
				}
				int end = at + markers.length();
				while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
					end++;
				}
				parts.add(text.substring(from, at).getBytes(StandardCharsets.UTF_8));
				order.add(text.substring(at + markers.length(), end));
				from = end;
			}
			parts.add(text.substring(from).getBytes(StandardCharsets.UTF_8));
			return new Kept(source, written.getContentType(), List.copyOf(parts), List.copyOf(order));
		}

	}

	/** The request as the page is written for keeping: its CSRF token is the marker. */
	private static final class MarkedCsrf extends HttpServletRequestWrapper {

		/** Where Spring Security also puts the token, for templates ({@code ${_csrf}}). */
		private static final String CSRF_ATTRIBUTE = "_csrf";

		private final CsrfToken marked;

		MarkedCsrf(HttpServletRequest request, CsrfToken csrf, String marker) {
			super(request);
			this.marked = new DefaultCsrfToken(csrf.getHeaderName(), csrf.getParameterName(), marker);
		}

		@Override
		public Object getAttribute(String name) {
			if (name.equals(CsrfToken.class.getName()) || name.equals(CSRF_ATTRIBUTE)) {
				return marked;
			}
			return super.getAttribute(name);
		}

	}

	/** A response whose body is written into memory; everything else is the real response's. */
	private static final class Written extends HttpServletResponseWrapper {

		private final CharArrayWriter page = new CharArrayWriter(64 * 1024);

		private final PrintWriter writer = new PrintWriter(page);

		Written(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			return writer;
		}

		@Override
		public jakarta.servlet.ServletOutputStream getOutputStream() {
			throw new IllegalStateException("a kept page is written as text");
		}

		@Override
		public void flushBuffer() {
			writer.flush();
		}

	}

}
