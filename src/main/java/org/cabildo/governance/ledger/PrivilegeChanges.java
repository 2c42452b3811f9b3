package org.cabildo.governance.ledger;

import java.util.Set;

import org.cabildo.governance.AccessLedger;
import org.cabildo.governance.LedgerEvent;
import org.cabildo.identity.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Takes identity's privilege changes (roles, tokens, devices and their bindings, organisations,
 * ownership) into the ledger as entries of kind {@code privilege}, once identity's audit record
 * is committed. Refused sign-ins stay in identity's audit only: they change no one's privileges.
 */
@Component
class PrivilegeChanges {

	static final String KIND = "privilege";

	private final AccessLedger ledger;

	PrivilegeChanges(AccessLedger ledger) {
		this.ledger = ledger;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void recorded(AuditLog.Recorded record) {
		if (!record.privilegeChange()) {
			return;
		}
		String detail = record.kind() + ": " + (record.subject() == null ? "" : record.subject())
				+ (record.detail() == null ? "" : " (" + record.detail() + ")");
		ledger.append(LedgerEvent.change(KIND, record.actor(), null, Set.of(), detail));
	}

}
