package org.cabildo.participation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.cabildo.governance.AccessLedger;
import org.cabildo.governance.LedgerEvent;
import org.cabildo.identity.Caller;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.Role;
import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who answers residents in public and who moderates what they write, for reports and proposals
 * alike: an office answers through the operators and admins of the organisation named as the
 * office, or of the city's organisation; the city's admins hide, and the access ledger keeps why.
 */
@Component
class Offices {

	private final Organisations organisations;

	private final AccessLedger ledger;

	private final ParticipationSettings settings;

	Offices(Organisations organisations, AccessLedger ledger, ParticipationSettings settings) {
		this.organisations = organisations;
		this.ledger = ledger;
		this.settings = settings;
	}

	/** The name of the city's organisation, which answers for every office. */
	String cityOrganisation() {
		return settings.cityOrganisation();
	}

	/** Whether the caller answers for the office: an operator or admin of it (by its name) or of the city's organisation. */
	boolean answers(Caller caller, String office) {
		for (String name : office == null ? List.of(settings.cityOrganisation())
				: List.of(office, settings.cityOrganisation())) {
			Optional<Long> organisation = organisations.named(name).map(o -> o.id());
			if (organisation.isPresent()
					&& (caller.has(Role.OPERATOR, organisation.get()) || caller.has(Role.ADMIN, organisation.get()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Refuses (403) unless the caller answers for the office.
	 *
	 * @param what what is answered, for the refusal: "service request 5"
	 */
	void requireAnswers(Caller caller, String office, String what) {
		if (!answers(caller, office)) {
			throw new ApiException(HttpStatus.FORBIDDEN, what + " is answered by " + office + " or the city's organisation ("
					+ settings.cityOrganisation() + "): operators and admins")
				.with("rule", "office-answers");
		}
	}

	/**
	 * Refuses (403) unless the caller is an admin of the city's organisation; its id.
	 *
	 * @param what what only they do, for the refusal: "reports are hidden"
	 */
	long requireCityAdmin(Caller caller, String what) {
		Long city = organisations.named(settings.cityOrganisation()).map(o -> o.id()).orElse(null);
		if (city == null || !caller.has(Role.ADMIN, city)) {
			throw new ApiException(HttpStatus.FORBIDDEN,
					what + " by admins of the city's organisation (" + settings.cityOrganisation() + ")")
				.with("rule", "city-admin");
		}
		return city;
	}

	/** Keeps in the access ledger what an admin of the city hid or kept despite its flags, and why. */
	void recordModeration(String kind, Caller caller, long city, String detail) {
		ledger.append(LedgerEvent.change(kind, caller.name(), city, Set.of(), detail));
	}

}
