package org.cabildo.participation;

import java.time.Instant;

/**
 * A comment on a proposal as the public sees it: not who wrote it, only whether the proposal's
 * own author did (so that their answers to others can be told apart).
 */
public record ProposalComment(long id, long proposal, String text, Instant created, boolean byProposer) {
}
