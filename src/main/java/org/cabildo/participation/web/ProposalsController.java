package org.cabildo.participation.web;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cabildo.identity.Caller;
import org.cabildo.participation.Demographics;
import org.cabildo.participation.Proposal;
import org.cabildo.participation.ProposalCategory;
import org.cabildo.participation.ProposalComment;
import org.cabildo.participation.Proposals;
import org.cabildo.participation.Reporter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Residents' proposals: anyone reads them and their comments; verified residents propose,
 * support and comment; residents follow; the office answers in public; the city's admins hide.
 * What is answered never says who proposed, supported, commented or follows.
 */
@RestController
@Tag(name = "Proposals", description = "Residents' proposals, their supports, comments, the office's answers")
class ProposalsController {

	private static final String PROPOSALS = "/api/participation/proposals";

	/**
	 * @param declaredGender what the proposer chooses to say (optional), counted apart from the proposal
	 * @param declaredAgeBand likewise
	 */
	record NewProposal(String title, String text, String district, String category, String declaredGender,
			String declaredAgeBand) {
	}

	/** What a supporter chooses to say about themselves (each optional), counted apart from the support. */
	record NewSupport(String declaredGender, String declaredAgeBand) {

		Demographics said() {
			return Demographics.of(declaredGender, declaredAgeBand, "declaredGender", "declaredAgeBand");
		}

	}

	record NewComment(String text) {
	}

	/** The office's answer: its text and what it decided (accepted, rejected or in-study). */
	record NewAnswer(String text, String outcome) {
	}

	/** Why something is hidden; the access ledger keeps it. */
	record Hiding(String reason) {
	}

	record AnswerView(String text, String outcome, Instant answeredAt, String answeredBy) {
	}

	/**
	 * A proposal as the public sees it.
	 *
	 * @param supportThreshold the supports that forward a proposal to its office
	 * @param office the office that must answer, once forwarded
	 * @param answerDue by when the office must answer, once forwarded
	 */
	record ProposalView(long id, String title, String text, String district, String districtName, String category,
			String categoryName, Instant createdAt, String status, int supports, int supportThreshold,
			Instant forwardedAt, String office, Instant answerDue, AnswerView answer, long comments, long followers) {
	}

	/** A page of proposals, newest first; {@code nextBefore} is the {@code before} of the next page (null: no more). */
	record ProposalPage(List<ProposalView> proposals, Long nextBefore) {
	}

	/** A comment; {@code byProposer} says whether the proposal's author wrote it (no one else is named). */
	record CommentView(long id, long proposal, String text, Instant createdAt, boolean byProposer) {

		static CommentView of(ProposalComment comment) {
			return new CommentView(comment.id(), comment.proposal(), comment.text(), comment.created(),
					comment.byProposer());
		}

	}

	record CategoryView(String code, String name, String description) {
	}

	private final Proposals proposals;

	ProposalsController(Proposals proposals) {
		this.proposals = proposals;
	}

	@GetMapping("/api/participation/proposal-categories")
	@Operation(summary = "What proposals may be about")
	List<CategoryView> categories() {
		return proposals.categories().stream().map(c -> new CategoryView(c.code(), c.name(), c.description())).toList();
	}

	@GetMapping(PROPOSALS)
	@Operation(summary = "Proposals, newest first (hidden ones left out); before=<id> for the next page")
	ProposalPage list(@RequestParam(required = false) String district, @RequestParam(required = false) String category,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Long before) {
		Proposals.Page page = proposals.list(new Proposals.Filter(district, category, status, limit, before));
		Map<String, String> districts = proposals.districtNames();
		return new ProposalPage(page.proposals().stream().map(p -> view(p, districts)).toList(), page.nextBefore());
	}

	@GetMapping(PROPOSALS + "/{id}")
	@Operation(summary = "A proposal, with its supports and the office's answer")
	ProposalView one(@PathVariable long id) {
		return view(proposals.byId(id));
	}

	@PostMapping(PROPOSALS)
	@Operation(summary = "Proposes (residents whose email address is verified; within the hourly allowance)")
	ResponseEntity<ProposalView> propose(@RequestBody NewProposal body, Principal principal) {
		Proposal made = proposals.propose(new Proposals.Draft(body.title(), body.text(), body.district(),
				body.category(), Demographics.of(body.declaredGender(), body.declaredAgeBand(), "declaredGender",
						"declaredAgeBand")),
				caller(principal));
		return ResponseEntity.created(URI.create(PROPOSALS + "/" + made.id())).body(view(made));
	}

	@PostMapping(PROPOSALS + "/{id}/supports")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Supports a proposal, once per person (409 the second time); the support that reaches the"
			+ " threshold forwards it to its office. The body is optional: what the supporter chooses to say")
	ProposalView support(@PathVariable long id, @RequestBody(required = false) NewSupport body, Principal principal) {
		Demographics said = body == null ? Demographics.NOT_SAID : body.said();
		return view(proposals.support(id, said, caller(principal)));
	}

	@DeleteMapping(PROPOSALS + "/{id}/supports")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Withdraws the caller's support (none given: nothing changes)")
	void withdraw(@PathVariable long id, Principal principal) {
		proposals.withdraw(id, caller(principal));
	}

	@PostMapping(PROPOSALS + "/{id}/answer")
	@Operation(summary = "The office answers a forwarded proposal in public (operators and admins of the office or"
			+ " the city); an answer in-study may be followed by another")
	ProposalView answer(@PathVariable long id, @RequestBody NewAnswer body, Principal principal) {
		return view(proposals.answer(id, body.text(), body.outcome(), caller(principal)));
	}

	@GetMapping(PROPOSALS + "/{id}/comments")
	@Operation(summary = "A proposal's comments, oldest first (hidden ones left out); after=<id> for the next page")
	List<CommentView> comments(@PathVariable long id, @RequestParam(required = false) Long after,
			@RequestParam(required = false) Integer limit) {
		return proposals.comments(id, after, limit).stream().map(CommentView::of).toList();
	}

	@PostMapping(PROPOSALS + "/{id}/comments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Comments on a proposal (residents whose email address is verified; within the hourly allowance)")
	CommentView comment(@PathVariable long id, @RequestBody NewComment body, Principal principal) {
		return CommentView.of(proposals.comment(id, body.text(), caller(principal)));
	}

	@PostMapping(PROPOSALS + "/{id}/follow")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Follows a proposal (residents)")
	void follow(@PathVariable long id, Principal principal) {
		proposals.follow(id, caller(principal));
	}

	@DeleteMapping(PROPOSALS + "/{id}/follow")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Stops following a proposal")
	void unfollow(@PathVariable long id, Principal principal) {
		proposals.unfollow(id, caller(principal));
	}

	@PostMapping(PROPOSALS + "/{id}/hide")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Hides an abusive proposal, with a reason the access ledger keeps (admins of the city)")
	void hide(@PathVariable long id, @RequestBody Hiding body, Principal principal) {
		proposals.hide(id, body.reason(), caller(principal));
	}

	@PostMapping(PROPOSALS + "/{id}/comments/{comment}/hide")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Hides an abusive comment, with a reason the access ledger keeps (admins of the city)")
	void hideComment(@PathVariable long id, @PathVariable long comment, @RequestBody Hiding body,
			Principal principal) {
		proposals.hideComment(id, comment, body.reason(), caller(principal));
	}

	@PostMapping(PROPOSALS + "/{id}/abuse")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Flags a proposal as abusive, for the moderators (anyone, within the filing allowance)")
	void flag(@PathVariable long id, Principal principal, HttpServletRequest request) {
		Long person = Caller.of(principal).filter(c -> !c.isDevice()).map(Caller::id).orElse(null);
		proposals.flagAbuse(id, Reporter.resident(person, request.getRemoteAddr(), null, null, null, null, null, null));
	}

	private ProposalView view(Proposal proposal) {
		return view(proposal, proposals.districtNames());
	}

	private ProposalView view(Proposal p, Map<String, String> districts) {
		Proposal.Forwarding forwarded = p.forwarding();
		Proposal.Answer answer = p.answer();
		String category = proposals.categories()
			.stream()
			.filter(c -> c.code().equals(p.category()))
			.map(ProposalCategory::name)
			.findFirst()
			.orElse(null);
		return new ProposalView(p.id(), p.title(), p.text(), p.district(),
				p.district() == null ? null : districts.get(p.district()), p.category(), category, p.created(),
				p.status().label(), p.supports(), proposals.supportThreshold(),
				forwarded == null ? null : forwarded.at(), forwarded == null ? null : forwarded.office(),
				forwarded == null ? null : forwarded.answerDue(),
				answer == null ? null : new AnswerView(answer.text(), answer.outcome().label(), answer.at(), answer.by()),
				p.comments(), p.followers());
	}

	private static Caller caller(Principal principal) {
		return Caller.required(principal);
	}

}
