package org.cabildo.portal.operator;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.cabildo.identity.Caller;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.Role;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** What the operator's pages share: who is signed in, their organisations, the page's words. */
@Component
class Console {

	private final MessageSource messages;

	private final CityTime city;

	private final Organisations organisations;

	Console(MessageSource messages, CityTime city, Organisations organisations) {
		this.messages = messages;
		this.city = city;
		this.organisations = organisations;
	}

	Texts texts(Locale locale) {
		return Texts.of(messages, locale, city);
	}

	/** The signed-in person (the access rules let no one else in). */
	Caller caller() {
		return Caller.signedIn();
	}

	/** The organisations the caller operates; refuses (403) a caller who operates none. */
	Set<Long> operated() {
		Set<Long> operated = caller().organisationsWith(Role.OPERATOR);
		if (operated.isEmpty()) {
			throw new ApiException(HttpStatus.FORBIDDEN, "managing Things needs the operator role in an organisation")
				.with("rule", "operator");
		}
		return operated;
	}

	String name(long organisation) {
		return organisations.byId(organisation).map(Organisation::name).orElse(Long.toString(organisation));
	}

	/** The organisations as options of a select, {@code selected} chosen. */
	List<Choice> choices(Set<Long> ids, long selected) {
		return ids.stream().map(id -> new Choice(Long.toString(id), name(id), id == selected)).toList();
	}

}
