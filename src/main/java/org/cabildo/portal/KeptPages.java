package org.cabildo.portal;

import java.io.CharArrayWriter;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Pages that are the same for every anonymous visitor, kept as written: a page is rendered once
 * for what it was made from (its model object, which its maker keeps the same for as long as the
 * page holds) and in a language, then sent as it is to every visitor until that object changes.
 * The home page names 200 streams; writing it out costs far more than sending it.
 *
 * <p>
 * Only for anonymous visitors (a signed-in person's page names them), and never a page that
 * holds a form's CSRF token (each visitor's own): such a page is rendered every time. At most one
 * page per view and language.
 */
@Component
class KeptPages {

	private final ThymeleafViewResolver views;

	private final Map<String, Kept> kept = new ConcurrentHashMap<>();

	KeptPages(ThymeleafViewResolver views) {
		this.views = views;
	}

	/** The view {@code name} in a language, kept for as long as {@code source} is the same object. */
	View view(String name, Language language, Object source) {
		return new KeptView(name, language, source);
	}

	private record Kept(Object source, String contentType, char[] page) {
	}

	private final class KeptView implements View {

		private final String name;

		private final Language language;

		private final Object source;

		KeptView(String name, Language language, Object source) {
			this.name = name;
			this.language = language;
			this.source = source;
		}

		@Override
		public String getContentType() {
			return "text/html;charset=UTF-8";
		}

		@Override
		public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			String key = name + "|" + language.code();
			Kept page = kept.get(key);
			if (page == null || page.source() != source) {
				View view = views.resolveViewName(name, language.locale());
				if (view == null) {
					throw new IllegalStateException("no view " + name);
				}
				Written written = new Written(response);
				view.render(model, request, written);
				page = new Kept(source, written.getContentType(), written.page.toCharArray());
				if (!new String(page.page()).contains("name=\"_csrf\"")) {
					kept.put(key, page);
				}
			}
			response.setContentType(page.contentType() == null ? getContentType() : page.contentType());
			response.getWriter().write(page.page());
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
