package org.cabildo.governance.bulk;

import java.util.List;

import org.cabildo.governance.DeclarationDraft;
import org.cabildo.governance.objections.StageChanges;

/**
 * One change for many streams (the body of {@code POST /api/register/bulk}): which streams, and
 * exactly one of a declaration to write to each, a published template to apply to each, or a
 * stage change to make for each.
 *
 * @param select the streams; may be left out with {@code template}: the template's Thing or organisation
 * @param declaration a full declaration, as {@code PUT /api/register/{id}} takes it
 * @param template the id of a published template whose declaration each stream is given
 * @param move a stage change, as {@code POST /api/register/{id}/stage} takes it
 * @param dryRun answer what would change (and what retention would remove) without applying it
 * @param confirm the number of stored Observations the change removes, in all, when it removes any
 */
public record BulkRequest(Selection select, DeclarationDraft declaration, Long template, StageChanges.Request move,
		Boolean dryRun, Long confirm) {

	/** Whether only to answer what would change. */
	public boolean isDryRun() {
		return Boolean.TRUE.equals(dryRun);
	}

	/**
	 * Exactly one of: (Multi)Datastream ids, a Thing's streams, an organisation's streams.
	 *
	 * @param organisation a name or an id
	 */
	public record Selection(List<Long> datastreams, Long thing, String organisation) {
	}

}
