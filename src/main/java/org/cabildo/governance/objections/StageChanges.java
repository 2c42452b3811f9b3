package org.cabildo.governance.objections;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.Declaration.Consultation;
import org.cabildo.governance.GovernanceSettings;
import org.cabildo.governance.Register;
import org.cabildo.governance.Stage;
import org.cabildo.governance.register.PilotArea;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deployment's life on the register, changed by the owner's stewards: lab → pilot (an area and
 * an end date), lab or pilot → city (an impact assessment, a public consultation that ran its
 * full length and closed, every objection filed during it answered), anything → retired, and
 * nothing after. A refusal is a 409 naming the rule not met.
 */
@Service
public class StageChanges {

	/** What a steward sends: the stage wanted, why, and for a pilot its area and end date. */
	public record Request(String stage, String reason, PilotRequest pilot) {
	}

	/** @param area a GeoJSON Polygon or MultiPolygon; @param endsOn an ISO date, after today */
	public record PilotRequest(Map<String, Object> area, String endsOn) {
	}

	private final Register register;

	private final Objections objections;

	private final GovernanceSettings settings;

	private final Clock clock;

	private final CityTime city;

	StageChanges(Register register, Objections objections, GovernanceSettings settings, Clock clock, CityTime city) {
		this.city = city;
		this.register = register;
		this.objections = objections;
		this.settings = settings;
		this.clock = clock;
	}

	/** A stage change as the rules allow it: the next version (not yet saved) and the ledger's words for it. */
	public record Move(Declaration next, String detail) {
	}

	@Transactional
	public Declaration change(long datastream, Request request) {
		Move move = plan(datastream, request);
		return register.saveVersion(move.next(), "stage", move.detail());
	}

	/** The stage change a request makes, by the stage rules (refused as {@link #change} refuses); nothing is saved. */
	@Transactional(readOnly = true)
	public Move plan(long datastream, Request request) {
		Declaration current = stewarded(datastream);
		if (request == null) {
			throw ApiException.badRequest("the body is a stage change: stage, reason (and pilot for a pilot)");
		}
		Stage target = Stage.of(request.stage())
			.orElseThrow(() -> ApiException.badRequest("stage is one of lab, pilot, city, retired")
				.with("pointer", "/stage"));
		String reason = Texts.required(request.reason(), "/reason", 1000);
		Stage from = current.stage();
		if (from == Stage.RETIRED) {
			throw refused("retired-is-final", "a retired stream stays retired; declare a new Datastream instead");
		}
		Declaration.Pilot pilot = switch (target) {
			case LAB -> throw refused("transition", "no stream goes back to the lab (it is " + from.id() + ")");
			case PILOT -> {
				if (from != Stage.LAB) {
					throw refused("transition", "only a lab stream becomes a pilot (it is " + from.id() + ")");
				}
				yield pilot(request.pilot());
			}
			case CITY -> {
				if (from == Stage.CITY) {
					throw refused("transition", "the stream is already at the city stage");
				}
				requireCityRules(current);
				yield null;
			}
			case RETIRED -> null;
		};
		return new Move(current.withStage(target, pilot, Objections.actor()),
				"stage " + from.id() + " -> " + target.id() + ": " + Texts.shortened(reason, 1000));
	}

	/** A pilot that meets the pilot rules (the register's, as everywhere a pilot is set); else 409 naming the first. */
	private Declaration.Pilot pilot(PilotRequest request) {
		Map<String, Object> area = request == null ? null : request.area();
		LocalDate endsOn = request == null ? null : date(request.endsOn());
		Map<String, String> problems = PilotArea.problems(area, endsOn, city.today(clock));
		if (problems.containsKey(PilotArea.AREA)) {
			throw refused("pilot-area", problems.get(PilotArea.AREA) + " (pilot.area)").with("pointer", PilotArea.AREA);
		}
		if (problems.containsKey(PilotArea.ENDS_ON)) {
			throw refused("pilot-end-date", problems.get(PilotArea.ENDS_ON) + " (pilot.endsOn)")
				.with("pointer", PilotArea.ENDS_ON);
		}
		return new Declaration.Pilot(area, endsOn);
	}

	private static LocalDate date(String text) {
		try {
			return text == null ? null : LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	/** Opens the public consultation before the city stage, for the configured number of days. */
	@Transactional
	public Declaration openConsultation(long datastream) {
		Declaration current = stewarded(datastream);
		if (current.stage() == Stage.CITY || current.stage() == Stage.RETIRED) {
			throw refused("consultation-before-city", "a consultation comes before the city stage; the stream is "
					+ current.stage().id());
		}
		requireImpactAssessment(current);
		Instant now = clock.instant();
		if (current.consultation() != null && now.isBefore(current.consultation().closesAt())) {
			throw refused("consultation-open", "a consultation is open until " + current.consultation().closesAt());
		}
		Consultation consultation = new Consultation(now, now.plus(Duration.ofDays(settings.consultationDays())));
		return register.saveVersion(current.withConsultation(consultation, Objections.actor()),
				"consultation", "consultation open from " + consultation.opensAt() + " to " + consultation.closesAt());
	}

	private void requireCityRules(Declaration current) {
		requireImpactAssessment(current);
		Consultation consultation = current.consultation();
		if (consultation == null) {
			throw refused("consultation-held", "the city stage needs a public consultation first"
					+ " (POST /api/register/" + current.datastreamId() + "/consultation)");
		}
		Duration length = Duration.between(consultation.opensAt(), consultation.closesAt());
		if (length.compareTo(Duration.ofDays(settings.consultationDays())) < 0) {
			throw refused("consultation-length", "the consultation ran " + length.toDays() + " days; the city stage"
					+ " needs one of at least " + settings.consultationDays());
		}
		if (clock.instant().isBefore(consultation.closesAt())) {
			throw refused("consultation-closed", "the consultation is open until " + consultation.closesAt());
		}
		int open = objections.openSince(current.datastreamId(), consultation.opensAt());
		if (open > 0) {
			throw refused("objections-answered", open + " objection(s) filed since the consultation opened"
					+ " wait for an answer").with("open", open);
		}
	}

	private static void requireImpactAssessment(Declaration current) {
		if (current.impactAssessment() == null || current.impactAssessment().isBlank()) {
			throw refused("impact-assessment", "the declaration names no impact assessment (impactAssessment)");
		}
	}

	private Declaration stewarded(long datastream) {
		Declaration current = register.current(datastream)
			.orElseThrow(() -> ApiException.notFound("Datastream " + datastream + " has no declaration"));
		Register.requireSteward(register.owner(datastream));
		return current;
	}

	static ApiException refused(String rule, String message) {
		return new ApiException(HttpStatus.CONFLICT, message).with("rule", rule);
	}

}
