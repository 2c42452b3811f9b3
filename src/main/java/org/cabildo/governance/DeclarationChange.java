package org.cabildo.governance;

/**
 * A declaration change as it would be applied: the next version of the stream's declaration
 * (not yet saved) and what its retention removes of what is already stored.
 */
public record DeclarationChange(Declaration declaration, RetentionRemoval removes) {
}
