package org.cabildo.governance.access;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cabildo.governance.AccessLedger;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.LedgerEvent;
import org.cabildo.governance.Stage;
import org.cabildo.governance.ledger.LedgerEntry;
import org.cabildo.governance.register.CurrentDeclarations;
import org.cabildo.identity.Caller;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.ReadAccess;
import org.cabildo.sensing.ReadContext;
import org.cabildo.sensing.ReadScope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Purpose binding, enforced on every read of Observations: a stream that is not open is read
 * only by a signed-in person of the owning organisation or of one it shares with, for a purpose
 * the declaration (and the grant) allows, named in the {@code Cabildo-Purpose} header or the
 * {@code purpose} query parameter. Every read of personal data is written to the access ledger
 * before the response is sent; when that fails, the read fails. Who reads is what the reader
 * says, never where the read happens to run: an anonymous reader is refused what is not open,
 * and only the platform, named as such, reads everything (and answers no one).
 */
@Component
class PurposeBinding implements ReadAccess {

	private final CurrentDeclarations declarations;

	private final AccessLedger ledger;

	PurposeBinding(CurrentDeclarations declarations, AccessLedger ledger) {
		this.declarations = declarations;
		this.ledger = ledger;
	}

	@Override
	public ReadScope scope(ReadContext context) {
		return switch (context) {
			case ReadContext.Platform ignored -> ReadScope.PLATFORM;
			case ReadContext.Anonymous anonymous -> new Scope(new Reader(Optional.empty(), anonymous.purpose()),
					anonymous.request());
			case ReadContext.SignedIn signedIn -> new Scope(new Reader(Caller.of(signedIn.principal()),
					signedIn.purpose()), signedIn.request());
		};
	}

	/** One reader's scope; what it hides is worked out once, when first asked. */
	private final class Scope implements ReadScope {

		private final Reader reader;

		private final String request;

		private Set<Long> hidden;

		Scope(Reader reader, String request) {
			this.reader = reader;
			this.request = request;
		}

		@Override
		public Set<Long> hiddenDatastreams() {
			if (hidden == null) {
				Set<Long> found = new HashSet<>();
				for (Declaration declaration : declarations.all()) {
					if (ReadRule.refusal(declaration, reader).isPresent()) {
						found.add(declaration.datastreamId());
					}
				}
				hidden = Set.copyOf(found);
			}
			return hidden;
		}

		@Override
		public Optional<String> refusal(long datastream) {
			return declarations.of(datastream).flatMap(declaration -> ReadRule.refusal(declaration, reader));
		}

		@Override
		public Receipt returning(ObservationsRead read) {
			Set<Long> personal = new HashSet<>();
			Set<Long> lab = new HashSet<>();
			long count = 0;
			Instant first = null;
			Instant last = null;
			for (Map.Entry<Long, ObservationsRead.Span> entry : read.byDatastream().entrySet()) {
				Optional<Declaration> declaration = declarations.of(entry.getKey());
				if (declaration.isEmpty()) {
					continue;
				}
				if (declaration.get().stage() == Stage.LAB) {
					lab.add(entry.getKey());
				}
				if (!declaration.get().personalDataClass().isPersonal()) {
					continue;
				}
				ObservationsRead.Span span = entry.getValue();
				personal.add(entry.getKey());
				count += span.count();
				if (span.first() != null && (first == null || span.first().isBefore(first))) {
					first = span.first();
				}
				if (span.last() != null && (last == null || span.last().isAfter(last))) {
					last = span.last();
				}
			}
			if (!personal.isEmpty()) {
				record(personal, first, last, count);
			}
			return new Receipt(lab);
		}

		private void record(Set<Long> personal, Instant first, Instant last, long count) {
			try {
				ledger.append(new LedgerEvent("read", reader.caller().map(Caller::name).orElse("anonymous"),
						reader.caller().map(Caller::organisation).filter(o -> o >= 0).orElse(null), reader.purpose(),
						personal, first, last, count, LedgerEntry.sha256(request), null));
			}
			catch (RuntimeException e) {
				throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
						"the read of personal data could not be recorded in the access ledger, so it is refused; try again")
					.with("rule", "ledgered-read");
			}
		}

	}

}
