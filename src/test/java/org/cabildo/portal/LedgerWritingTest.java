package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.cabildo.governance.Ledger;
import org.cabildo.platform.CityTime;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** How the ledger's pages write numbers, times, durations and verifications in each language. */
class LedgerWritingTest {

	private static final CityTime MEXICO = CityTime.of("America/Mexico_City");

	private static LedgerWriting in(Language language) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "i18n/transparency");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new LedgerWriting(language, MEXICO, messages);
	}

	@Test
	void writesCountsInTheLanguagesWayAndEntryNumbersAsTheChainNamesThem() {
		assertThat(in(Language.ES).number(1_234_567)).isEqualTo("1.234.567");
		assertThat(in(Language.PT).number(1_234_567)).isEqualTo("1.234.567");
		assertThat(in(Language.EN).number(1_234_567)).isEqualTo("1,234,567");
		assertThat(LedgerWriting.seq(1852)).isEqualTo("1852");
	}

	@Test
	void writesTimesAndMonthsInTheCitysCalendar() {
		// 03:00 UTC on 1 June is still 31 May in Mexico City (UTC-6)
		Instant at = Instant.parse("2024-06-01T03:00:00Z");
		assertThat(in(Language.EN).time(at)).contains("May 31, 2024").contains("9:00:00");
		assertThat(in(Language.ES).time(at)).contains("31 may 2024").contains("21:00:00");
		assertThat(in(Language.ES).month(YearMonth.of(2024, 5))).isEqualTo("mayo 2024");
		assertThat(in(Language.PT).month(YearMonth.of(2024, 5))).isEqualTo("maio 2024");
		assertThat(in(Language.EN).thisMonth(at)).isEqualTo(YearMonth.of(2024, 5));
	}

	@Test
	void writesDurationsInTheirTwoLargestUnits() {
		LedgerWriting english = in(Language.EN);
		assertThat(english.duration(Duration.ofSeconds(93_784))).isEqualTo("1 d 2 h");
		assertThat(english.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
		assertThat(english.duration(Duration.ofHours(3))).isEqualTo("3 h");
		assertThat(english.duration(Duration.ofSeconds(40))).isEqualTo("40 s");
		assertThat(english.duration(Duration.ZERO)).isEqualTo("0 s");
		assertThat(in(Language.ES).duration(Duration.ofDays(1_200))).isEqualTo("1.200 d");
	}

	@Test
	void saysWhereTheChainBreaksInEachLanguage() {
		Ledger.Check broken = new Ledger.Check(false, 1_500, new Ledger.Broken(1203, "content-changed", "the stored hash"
				+ " is not the hash of the stored content"), new Ledger.Altered(null, 1000, 1203, "between"), 3, null,
				List.of(new Ledger.OutsideCheckpoint(1100L, false, "differs")), Instant.parse("2024-06-01T03:00:00Z"));
		LedgerWriting.Verified spanish = in(Language.ES).verified(broken);
		assertThat(spanish.valid()).isFalse();
		assertThat(spanish.status()).isEqualTo("El registro NO está íntegro.");
		assertThat(spanish.entries()).isEqualTo("1.500");
		assertThat(spanish.findings()).containsExactly(
				"La entrada 1203 cambió: su hash guardado no es el hash de su contenido.",
				"La primera entrada alterada está entre la 1001 y la 1203.",
				"El punto de control que este servidor guarda fuera de la base de datos no se cumple.");
		assertThat(spanish.details()).contains("the stored hash is not the hash of the stored content", "differs");
		assertThat(in(Language.EN).verified(broken).findings().getFirst())
			.isEqualTo("Entry 1203 changed: its stored hash is not the hash of its content.");
		assertThat(in(Language.PT).verified(broken).findings().getFirst())
			.isEqualTo("A entrada 1203 mudou: o seu hash guardado não é o hash do seu conteúdo.");
	}

}
