package org.cabildo.participation;

/** What a proposal's author and followers are mailed, in the resident's language (es, pt, en). */
final class ProposalMails {

	private ProposalMails() {
	}

	/** A mail before it has its address. */
	record Draft(String subject, String text) {
	}

	static Draft forwarded(String language, Proposal proposal, String link) {
		String office = proposal.forwarding().office();
		return switch (language) {
			case "pt" -> new Draft("Sua proposta chegou ao órgão responsável: " + proposal.title(),
					"A proposta \"" + proposal.title() + "\" reuniu " + proposal.supports() + " apoios e foi enviada a "
							+ office + ", que deve responder em público.\n\n" + link
							+ "\n\nVocê recebe esta mensagem porque fez ou segue a proposta.");
			case "en" -> new Draft("A proposal reached its office: " + proposal.title(),
					"The proposal \"" + proposal.title() + "\" gathered " + proposal.supports() + " supports and went to "
							+ office + ", which must answer in public.\n\n" + link
							+ "\n\nYou get this mail because you made or follow the proposal.");
			default -> new Draft("Una propuesta llegó a su oficina: " + proposal.title(),
					"La propuesta \"" + proposal.title() + "\" reunió " + proposal.supports() + " apoyos y pasó a "
							+ office + ", que debe responder en público.\n\n" + link
							+ "\n\nRecibes este mensaje porque hiciste o sigues la propuesta.");
		};
	}

	static Draft answered(String language, Proposal proposal, String link) {
		Proposal.Answer answer = proposal.answer();
		return switch (language) {
			case "pt" -> new Draft("A proposta foi respondida: " + proposal.title(),
					answer.by() + " respondeu à proposta \"" + proposal.title() + "\" (" + answer.outcome().label()
							+ "):\n\n" + answer.text() + "\n\n" + link
							+ "\n\nVocê recebe esta mensagem porque fez ou segue a proposta.");
			case "en" -> new Draft("The proposal was answered: " + proposal.title(),
					answer.by() + " answered the proposal \"" + proposal.title() + "\" (" + answer.outcome().label()
							+ "):\n\n" + answer.text() + "\n\n" + link
							+ "\n\nYou get this mail because you made or follow the proposal.");
			default -> new Draft("La propuesta tiene respuesta: " + proposal.title(),
					answer.by() + " respondió a la propuesta \"" + proposal.title() + "\" (" + answer.outcome().label()
							+ "):\n\n" + answer.text() + "\n\n" + link
							+ "\n\nRecibes este mensaje porque hiciste o sigues la propuesta.");
		};
	}

}
