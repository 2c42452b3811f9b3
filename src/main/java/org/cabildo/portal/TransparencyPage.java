package org.cabildo.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cabildo.governance.AnswerTimes;
import org.cabildo.governance.Ledger;
import org.cabildo.governance.Register;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.platform.CityTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts the transparency page together from what the ledger's public API answers (its summary,
 * verification and latest checkpoint) and from each organisation's answer times, read through
 * the same services.
 */
@Component
class TransparencyPage {

	/**
	 * How old a verification of the whole chain the page may show. Older, a visit starts a new
	 * one (shared with any running): page views never each read the whole chain.
	 */
	static final Duration VERIFICATION_AGE = Duration.ofMinutes(5);

	/**
	 * How old the ledger's summary the page shows may be: one summary a minute at most, whatever
	 * the visitors; the page says which entry it counts up to.
	 */
	static final Duration SUMMARY_AGE = Duration.ofSeconds(60);

	/** The most rows of the summary's table; the whole summary is at /api/ledger/summary. */
	static final int MAX_ROWS = 500;

	static final int MONTHS = 12;

	private final Ledger ledger;

	private final AnswerTimes answerTimes;

	private final Register register;

	private final Organisations organisations;

	private final CityTime city;

	private final MessageSource messages;

	private final Clock clock;

	/** The reads as written in each language, for as long as the summary and the month are the same. */
	private final Map<Language, KeptReads> reads = new ConcurrentHashMap<>();

	/** The answer times as written in each language, for as long as the governance keeps the same. */
	private final Map<Language, KeptTimes> times = new ConcurrentHashMap<>();

	private record KeptReads(Ledger.Summary from, YearMonth month, Transparency.Reads reads) {
	}

	private record KeptTimes(List<AnswerTimes.Organisation> from, List<Transparency.AnswerTime> times) {
	}

	TransparencyPage(Ledger ledger, AnswerTimes answerTimes, Register register, Organisations organisations,
			CityTime city, MessageSource messages, Clock clock) {
		this.ledger = ledger;
		this.answerTimes = answerTimes;
		this.register = register;
		this.organisations = organisations;
		this.city = city;
		this.messages = messages;
		this.clock = clock;
	}

	Transparency of(Language language, String baseUrl) {
		LedgerWriting writing = new LedgerWriting(language, city, messages);
		Optional<Ledger.SignedCheckpoint> checkpoint = ledger.latestCheckpoint();
		return new Transparency(reads(language, writing),
				writing.verified(ledger.verification(VERIFICATION_AGE)), checkpoint.map(c -> signed(c, writing)).orElse(null),
				answerTimes(language, writing), commands(baseUrl), writing.zone());
	}

	/** The reads of the summary, written again only when the summary (at most once a minute) or the month changes. */
	private Transparency.Reads reads(Language language, LedgerWriting writing) {
		Ledger.Summary summary = ledger.summary(SUMMARY_AGE);
		YearMonth month = writing.thisMonth(clock.instant());
		KeptReads kept = reads.get(language);
		if (kept == null || kept.from() != summary || !kept.month().equals(month)) {
			kept = new KeptReads(summary, month, reads(summary, language, writing));
			reads.put(language, kept);
		}
		return kept.reads();
	}

	private Transparency.Reads reads(Ledger.Summary summary, Language language, LedgerWriting writing) {
		Map<Long, String> names = organisations.all()
			.stream()
			.collect(Collectors.toMap(Organisation::id, Organisation::name, (a, b) -> a));
		record Key(YearMonth month, Long organisation, String purpose) {
		}
		// the summary counts per datastream too; the page adds those up per organisation and purpose
		Map<Key, long[]> counts = new LinkedHashMap<>();
		Map<YearMonth, Long> perMonth = new TreeMap<>();
		for (Ledger.Group group : summary.groups()) {
			YearMonth month = YearMonth.parse(group.month());
			long[] count = counts.computeIfAbsent(new Key(month, group.organisation(), group.purpose()),
					k -> new long[2]);
			count[0] += group.reads();
			count[1] += group.observations();
			perMonth.merge(month, group.reads(), Long::sum);
		}
		Function<Long, String> organisation = id -> id == null ? writing.say("transparency.no-organisation")
				: names.getOrDefault(id, Long.toString(id));
		Function<String, String> purpose = id -> id == null ? writing.say("transparency.no-purpose")
				: register.label("purpose", id, language.code());
		List<Transparency.Row> rows = counts.entrySet()
			.stream()
			.map(e -> Map.entry(e.getKey(), new Transparency.Row(writing.month(e.getKey().month()),
					organisation.apply(e.getKey().organisation()), purpose.apply(e.getKey().purpose()),
					writing.number(e.getValue()[0]), writing.number(e.getValue()[1]))))
			.sorted(Comparator.<Map.Entry<Key, Transparency.Row>, YearMonth>comparing(e -> e.getKey().month())
				.reversed()
				.thenComparing(e -> e.getValue().organisation())
				.thenComparing(e -> e.getValue().purpose()))
			.map(Map.Entry::getValue)
			.toList();
		List<Transparency.Row> shown = rows.size() > MAX_ROWS ? rows.subList(0, MAX_ROWS) : rows;
		return new Transparency.Reads(writing.number(summary.reads()), writing.number(summary.observations()),
				LedgerWriting.seq(summary.upToSeq()), chart(perMonth, writing), shown, writing.number(shown.size()),
				writing.number(rows.size()), shown.size() < rows.size());
	}

	/** The last twelve months of the city's calendar, this one last, each a bar as high as its reads. */
	private Transparency.Chart chart(Map<YearMonth, Long> perMonth, LedgerWriting writing) {
		int width = 640;
		int height = 240;
		int top = 24;
		int bottom = 44;
		int slot = width / MONTHS;
		int barWidth = slot * 3 / 5;
		YearMonth last = writing.thisMonth(clock.instant());
		long most = 0;
		for (int i = 0; i < MONTHS; i++) {
			most = Math.max(most, perMonth.getOrDefault(last.minusMonths(i), 0L));
		}
		int plot = height - top - bottom;
		List<Transparency.Bar> bars = new java.util.ArrayList<>();
		for (int i = 0; i < MONTHS; i++) {
			YearMonth month = last.minusMonths(MONTHS - 1 - i);
			long reads = perMonth.getOrDefault(month, 0L);
			int barHeight = most == 0 ? 0 : (int) Math.round((double) reads * plot / most);
			int x = i * slot + (slot - barWidth) / 2;
			int y = top + plot - barHeight;
			bars.add(new Transparency.Bar(writing.month(month), writing.shortMonth(month),
					Integer.toString(month.getYear()), writing.number(reads), x, y, barWidth, Math.max(barHeight, 1),
					i * slot + slot / 2, y - 6, height - bottom + 18, height - bottom + 34));
		}
		return new Transparency.Chart(width, height, bars);
	}

	private static Transparency.Signed signed(Ledger.SignedCheckpoint checkpoint, LedgerWriting writing) {
		return new Transparency.Signed(LedgerWriting.seq(checkpoint.seq()), checkpoint.entryHash(),
				writing.time(checkpoint.signedAt()), checkpoint.signedAt().toString(), checkpoint.algorithm(),
				checkpoint.signature(), checkpoint.publicKey(), checkpoint.keyFingerprint());
	}

	private List<Transparency.AnswerTime> answerTimes(Language language, LedgerWriting writing) {
		List<AnswerTimes.Organisation> all = answerTimes.all();
		KeptTimes kept = times.get(language);
		if (kept == null || kept.from() != all) {
			kept = new KeptTimes(all, answerTimes(all, writing));
			times.put(language, kept);
		}
		return kept.times();
	}

	private static List<Transparency.AnswerTime> answerTimes(List<AnswerTimes.Organisation> all,
			LedgerWriting writing) {
		return all
			.stream()
			.sorted(Comparator.comparing(AnswerTimes.Organisation::name))
			.map(t -> new Transparency.AnswerTime(t.name(), writing.number(t.answered()), writing.number(t.open()),
					t.median() == null ? null : writing.duration(t.median())))
			.toList();
	}

	/** The README's commands (Verifying the ledger yourself), with this platform's address. */
	static Transparency.Commands commands(String base) {
		return new Transparency.Commands(
				"curl -s " + base + "/api/ledger/checkpoints/latest > checkpoint.json\n"
						+ "jq -r .publicKeyPem checkpoint.json > ledger-key.pem",
				"printf 'cabildo-ledger-checkpoint\\n%s\\n%s\\n%s' \\\n"
						+ "  $(jq -r '.checkpoint | .seq, .entryHash, .signedAt' checkpoint.json) > message.txt\n"
						+ "jq -r .checkpoint.signature checkpoint.json | base64 -d > signature.bin\n"
						+ "openssl pkeyutl -verify -pubin -inkey ledger-key.pem -rawin -in message.txt -sigfile signature.bin",
				"openssl pkey -pubin -in ledger-key.pem -outform DER | sha256sum",
				"curl -s " + base + "/api/ledger/verify | jq '{valid, entries, firstBroken, firstAltered}'",
				"curl -s -H 'Content-Type: application/json' --data @checkpoint.json \\\n"
						+ "  " + base + "/api/ledger/verify | jq '{valid, firstBroken, firstAltered, outside: .checkpoints.outside}'",
				"./cabildo ledger verify --checkpoint checkpoint.json");
	}

}
