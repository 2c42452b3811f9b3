package org.cabildo.governance.access;

import java.util.Optional;

import org.cabildo.identity.Caller;

/** Who reads, and for which declared purpose (null if none was named). */
record Reader(Optional<Caller> caller, String purpose) {
}
