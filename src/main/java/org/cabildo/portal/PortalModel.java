package org.cabildo.portal;

import java.util.Arrays;
import java.util.Locale;

import org.cabildo.identity.Caller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/** Gives every portal page its {@link PortalView} as the model attribute {@code portal}. */
@ControllerAdvice(basePackageClasses = PortalModel.class)
class PortalModel {

	@ModelAttribute("portal")
	PortalView portal(Locale locale, HttpServletRequest request) {
		return view(locale, request.getRequestURI().substring(request.getContextPath().length()));
	}

	/** The view of a page at this path in this locale, for the person signed in on this request. */
	static PortalView view(Locale locale, String path) {
		// A cookie may name a language the portal does not speak: the default speaks for it.
		Language language = Language.of(locale.toLanguageTag()).orElse(Language.DEFAULT);
		return new PortalView(language.code(), Arrays.stream(Language.values()).map(Language::code).toList(), path,
				Caller.current().filter(caller -> !caller.isDevice()).map(Caller::name).orElse(null));
	}

}
