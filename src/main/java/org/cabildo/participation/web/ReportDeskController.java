package org.cabildo.participation.web;

import java.security.Principal;
import java.util.List;

import org.cabildo.identity.Caller;
import org.cabildo.participation.Report;
import org.cabildo.participation.ReportNote;
import org.cabildo.participation.Reporter;
import org.cabildo.participation.Reports;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The office's desk for residents' reports: public notes that answer them (and close them),
 * moderation, and the public's flags of abuse. The reports themselves are read through Open311.
 */
@RestController
@Tag(name = "Participation", description = "Residents' reports: the office's answers and moderation")
class ReportDeskController {

	/** What the office writes: the status the report is left in, and the public note. */
	record Answer(String status, String note) {
	}

	/** Why a report is hidden; the access ledger keeps it. */
	record Hiding(String reason) {
	}

	/** The report as it stands after an answer. */
	record Answered(long id, String status, String statusNotes, String agency) {

		static Answered of(Report report) {
			return new Answered(report.id(), report.status().label(), report.statusNotes(), report.agency());
		}

	}

	private final Reports reports;

	ReportDeskController(Reports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/participation/requests/{id}/notes")
	@Operation(summary = "The public notes of a report's lifecycle, oldest first")
	List<ReportNote> notes(@PathVariable long id) {
		return reports.notes(id);
	}

	@PostMapping("/api/participation/requests/{id}/notes")
	@Operation(summary = "The office answers a report in public (operators and admins of the office or the city)")
	Answered answer(@PathVariable long id, @RequestBody Answer answer, Principal principal) {
		return Answered.of(reports.answer(id, answer.status(), answer.note(), caller(principal)));
	}

	@PostMapping("/api/participation/requests/{id}/hide")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Hides an abusive report, with a reason the access ledger keeps (admins of the city)")
	void hide(@PathVariable long id, @RequestBody Hiding hiding, Principal principal) {
		reports.hide(id, hiding.reason(), caller(principal));
	}

	@PostMapping("/api/participation/requests/{id}/abuse")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Flags a report as abusive, for the moderators (anyone, within the filing allowance)")
	void flag(@PathVariable long id, Principal principal, HttpServletRequest request) {
		Long person = Caller.of(principal).filter(c -> !c.isDevice()).map(Caller::id).orElse(null);
		reports.flagAbuse(id, Reporter.resident(person, request.getRemoteAddr(), null, null, null, null, null, null));
	}

	private static Caller caller(Principal principal) {
		return Caller.required(principal);
	}

}
