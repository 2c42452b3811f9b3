package org.cabildo.portal;

import java.util.List;

/**
 * What a proposal's page shows ({@code /proposals/{id}}): the proposal, its supports against the
 * threshold, where it is, the office's public answer, its comments, and what the reader may do;
 * never who proposed, supports, comments or follows. Every word and time already in the page's
 * language and the city's time zone.
 *
 * @param district the district's name, or the whole city's
 * @param districtId the district's code, for its page; null when about the whole city
 * @param supportCount how many support it now, as a number (for the page's data attribute)
 * @param supports how many support it against the threshold, in words
 * @param office the office that must answer it; null until it is forwarded
 * @param forwarded when it was sent to the office; null until then
 * @param answerDue by when the office must answer; null until forwarded
 * @param answer the office's public answer; null until there is one
 * @param comments its comments not hidden, oldest first (a page of them)
 * @param moreComments the address of the comments after these; null when none
 * @param firstComments the address of the first comments when these are later ones; null otherwise
 * @param reader what the reader may do, and has done
 * @param refusal what was refused of the reader's last request, in words; null when nothing
 * @param comment the comment form as sent back with its problem; nothing typed otherwise
 */
record ProposalPage(long id, String title, String text, String status, String district, String districtId,
		String category, String proposed, int supportCount, String supports, String howSupports, String office,
		String forwarded, String answerDue, Answer answer, String followers, List<Comment> comments,
		String moreComments, String firstComments, Reader reader, Refusal refusal, CommentBox comment) {

	/** The office's answer: what it decided, what it says, when and by whom. */
	record Answer(String outcome, String text, String at, String by) {
	}

	/** A comment: when, what it says, and whether the proposal's own author wrote it (no one is named). */
	record Comment(long id, String at, String text, boolean byProposer) {
	}

	/**
	 * The reader.
	 *
	 * @param signedIn whether someone is signed in (else the page says how to take part)
	 * @param verifiedResident whether they may support and comment
	 * @param resident whether they may follow
	 * @param supports whether they support it now
	 * @param follows whether they follow it
	 */
	record Reader(boolean signedIn, boolean verifiedResident, boolean resident, boolean supports, boolean follows) {

		static final Reader ANONYMOUS = new Reader(false, false, false, false, false);

	}

	/**
	 * A refusal of the reader's request.
	 *
	 * @param signUp whether a resident's account (a verified one) would have done it: the page links to signing up
	 */
	record Refusal(String text, boolean signUp) {
	}

	/**
	 * The comment form: its text as sent and its problem, both null on a fresh page.
	 *
	 * @param maxLength the longest comment taken, written out
	 */
	record CommentBox(String text, String problem, String maxLength) {

		public boolean refused() {
			return problem != null;
		}

	}

}
