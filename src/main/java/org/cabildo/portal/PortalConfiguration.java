package org.cabildo.portal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's language (chosen with {@code ?lang=}, remembered in a cookie, else the browser's
 * Accept-Language, else Spanish) and its Content-Security-Policy: the pages load nothing but the
 * application's own style sheets, scripts and images (the map page also a street map's tiles,
 * when one is set), and run no inline script.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalSettings.class)
class PortalConfiguration implements WebMvcConfigurer {

	static final String LANGUAGE_COOKIE = "cabildo-lang";

	static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy("");

	/** The pages' policy, letting images come also from {@code imageSource} (a map's tile host) when not empty. */
	static String contentSecurityPolicy(String imageSource) {
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
				+ (imageSource.isEmpty() ? "" : " " + imageSource)
				+ "; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
	}

	/** The API's paths: the API keeps its own answers (JSON, no cookie, no page policy). */
	private static final String[] API = { "/v1.0", "/v1.0/**", "/v1.1", "/v1.1/**", "/api/**", "/v3/**",
			"/swagger-ui.html", "/swagger-ui/**", "/actuator/**" };

	private static final List<PathPattern> API_PATTERNS = Arrays.stream(API).map(PathPatternParser.defaultInstance::parse)
		.toList();

	/** Whether a path (within the application, as sent) is a page's: anything but the API's. */
	static boolean isPage(String path) {
		PathContainer container = PathContainer.parsePath(path);
		return API_PATTERNS.stream().noneMatch(pattern -> pattern.matches(container));
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		// Without Accept-Language the servlet container offers its own locale: not the caller's choice.
		resolver.setDefaultLocaleFunction(request -> (request.getHeader("Accept-Language") == null ? Language.DEFAULT
				: Language.preferred(request.getLocales())).locale());
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LanguageChoice()).addPathPatterns("/**").excludePathPatterns(API);
	}

	/**
	 * Takes {@code ?lang=} (es, pt, en) and remembers it; any other value is left aside and
	 * the page stays in the language it had. Sets the page's security policy.
	 */
	private static final class LanguageChoice implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			Language.of(request.getParameter("lang")).ifPresent(language -> org.springframework.web.servlet.support
				.RequestContextUtils.getLocaleResolver(request).setLocale(request, response, language.locale()));
			return true;
		}

	}

}
