package org.cabildo.governance.access;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cabildo.governance.AccessLedger;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.LedgerEvent;
import org.cabildo.governance.ledger.LedgerEntry;
import org.cabildo.governance.register.CurrentDeclarations;
import org.cabildo.identity.Caller;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.ReadAccess;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Purpose binding, enforced on every read of Observations: a stream that is not open is read
 * only by a signed-in person of the owning organisation or of one it shares with, for a purpose
 * the declaration (and the grant) allows, named in the {@code Cabildo-Purpose} header or the
 * {@code purpose} query parameter. Every read of personal data is written to the access ledger
 * before the response is sent; when that fails, the read fails.
 */
@Component
class PurposeBinding implements ReadAccess {

	static final String PURPOSE_HEADER = "Cabildo-Purpose";

	static final String TEST_DATA_HEADER = "Cabildo-Test-Data";

	private static final String HIDDEN = PurposeBinding.class.getName() + ".hidden";

	private final CurrentDeclarations declarations;

	private final AccessLedger ledger;

	PurposeBinding(CurrentDeclarations declarations, AccessLedger ledger) {
		this.declarations = declarations;
		this.ledger = ledger;
	}

	@Override
	public Set<Long> hiddenDatastreams() {
		HttpServletRequest request = request();
		if (request == null) {
			return Set.of(); // the platform itself (MQTT delivery filters on its own)
		}
		@SuppressWarnings("unchecked")
		Set<Long> known = (Set<Long>) request.getAttribute(HIDDEN);
		if (known != null) {
			return known;
		}
		Reader reader = reader(request);
		Set<Long> hidden = new HashSet<>();
		for (Declaration declaration : declarations.all()) {
			if (ReadRule.refusal(declaration, reader).isPresent()) {
				hidden.add(declaration.datastreamId());
			}
		}
		Set<Long> result = Set.copyOf(hidden);
		request.setAttribute(HIDDEN, result);
		return result;
	}

	@Override
	public Optional<String> refusal(long datastream) {
		HttpServletRequest request = request();
		if (request == null) {
			return Optional.empty();
		}
		return declarations.of(datastream).flatMap(declaration -> ReadRule.refusal(declaration, reader(request)));
	}

	@Override
	public boolean isPublic(long datastream) {
		return declarations.of(datastream).map(Declaration::isOpen).orElse(true);
	}

	@Override
	public void returning(ObservationsRead read) {
		HttpServletRequest request = request();
		if (request == null) {
			return;
		}
		markTestData(read);
		Set<Long> personal = new HashSet<>();
		long count = 0;
		Instant first = null;
		Instant last = null;
		for (Map.Entry<Long, ObservationsRead.Span> entry : read.byDatastream().entrySet()) {
			Optional<Declaration> declaration = declarations.of(entry.getKey());
			if (declaration.isEmpty() || !declaration.get().personalDataClass().isPersonal()) {
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
		if (personal.isEmpty()) {
			return;
		}
		Reader reader = reader(request);
		try {
			ledger.append(new LedgerEvent("read", reader.caller().map(Caller::name).orElse("anonymous"),
					reader.caller().map(Caller::organisation).filter(o -> o >= 0).orElse(null), reader.purpose(),
					personal, first, last, count, fingerprint(request), null));
		}
		catch (RuntimeException e) {
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
					"the read of personal data could not be recorded in the access ledger, so it is refused; try again")
				.with("rule", "ledgered-read");
		}
	}

	/** Observations of streams in the lab are test data, and the answer says so: {@code Cabildo-Test-Data: 4,9}. */
	private void markTestData(ObservationsRead read) {
		Set<Long> lab = new java.util.TreeSet<>();
		read.byDatastream().keySet().forEach(datastream -> declarations.of(datastream)
			.filter(declaration -> declaration.stage() == org.cabildo.governance.Stage.LAB)
			.ifPresent(declaration -> lab.add(datastream)));
		if (!lab.isEmpty() && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
				&& servlet.getResponse() != null && !servlet.getResponse().isCommitted()) {
			servlet.getResponse().setHeader(TEST_DATA_HEADER,
					String.join(",", lab.stream().map(String::valueOf).toList()));
		}
	}

	private static Reader reader(HttpServletRequest request) {
		String purpose = request.getHeader(PURPOSE_HEADER);
		if (purpose == null || purpose.isBlank()) {
			purpose = request.getParameter("purpose");
		}
		return new Reader(Caller.current(), purpose == null || purpose.isBlank() ? null : purpose.strip());
	}

	private static HttpServletRequest request() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
	}

	/** What identifies the request without its credentials: method, path and query. */
	private static String fingerprint(HttpServletRequest request) {
		String text = request.getMethod() + " " + request.getRequestURI()
				+ (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		return LedgerEntry.sha256(text);
	}

}
