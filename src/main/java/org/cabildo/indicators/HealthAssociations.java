package org.cabildo.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.indicators.DistrictTable.DistrictRow;
import org.cabildo.indicators.HealthAssociation.Correlation;
import org.cabildo.indicators.HealthDistrictTable.HealthDistrictRow;
import org.cabildo.sensing.ReadContext;
import org.springframework.stereotype.Service;

/** A health series' rates beside an indicator's values, district by district, and how far they go together. */
@Service
class HealthAssociations {

	static final String METHOD = "Spearman's rank correlation (Pearson's correlation of the ranks; tied values take"
			+ " the mean of their ranks) between the districts' health rates and the indicator's values. Ranks, not"
			+ " values: there are few districts, case counts are skewed, and one district far from the others would"
			+ " move a Pearson correlation alone; ranks are robust to that and assume no straight-line relation.";

	static final String SIGNIFICANCE = "No p-value is given: with this few districts, some left out by suppression,"
			+ " counts that are not independent samples of people, and an ecological design, a p-value would claim"
			+ " more certainty than the data hold. Read rho as a description of these districts, not as evidence.";

	private final HealthTables health;

	private final AirIndicators air;

	HealthAssociations(HealthTables health, AirIndicators air) {
		this.health = health;
		this.air = air;
	}

	HealthAssociation of(ReadContext reader, String code, LocalDate from, LocalDate to, String indicator,
			LocalDate indicatorFrom, LocalDate indicatorTo) {
		HealthDistrictTable rates = health.districts(code, from, to);
		DistrictTable values = air.table(reader, indicator, indicatorFrom, indicatorTo);
		Map<String, Double> valueOf = new HashMap<>();
		for (DistrictRow row : values.districts()) {
			if (row.value() != null) {
				valueOf.put(row.district(), row.value());
			}
		}
		List<HealthAssociation.District> rows = new ArrayList<>();
		List<double[]> pairs = new ArrayList<>();
		int suppressed = 0;
		int without = 0;
		for (HealthDistrictRow row : rates.districts()) {
			Double value = valueOf.get(row.district());
			boolean counted = row.per100k() != null && value != null;
			if (counted) {
				pairs.add(new double[] { row.per100k(), value });
			}
			else if (row.suppressed()) {
				suppressed++;
			}
			else {
				without++;
			}
			rows.add(new HealthAssociation.District(row.district(), row.name(), row.per100k(), row.suppressed(), value,
					counted));
		}
		double[] x = pairs.stream().mapToDouble(pair -> pair[0]).toArray();
		double[] y = pairs.stream().mapToDouble(pair -> pair[1]).toArray();
		double rho = pairs.size() < 3 ? Double.NaN : Spearman.rho(x, y);
		Correlation correlation = new Correlation(METHOD, Double.isNaN(rho) ? null : Math.round(rho * 1000) / 1000.0,
				pairs.size(), suppressed, without, SIGNIFICANCE);
		boolean overlap = rates.from().isBefore(indicatorTo) && indicatorFrom.isBefore(rates.to());
		return new HealthAssociation(code, indicator, values.indicator().unit(), rates.from(), rates.to(), indicatorFrom,
				indicatorTo, overlap, rows, correlation, caveat(rates, values, overlap, pairs.size(), suppressed),
				HealthTables.SUPPRESSION);
	}

	private static String caveat(HealthDistrictTable rates, DistrictTable values, boolean overlap, int n,
			int suppressed) {
		return "An association, not a cause: districts that rank high on one may rank high on the other for reasons"
				+ " neither measures (age, income, access to care, where the sentinel units are). Ecological: the figures"
				+ " are of districts, not of people; nothing here says that the people who breathed more "
				+ values.indicator().code() + " are the people who fell ill. Periods: the health counts cover "
				+ (rates.coveredFrom() == null ? "no reporting period within " + rates.from() + " to " + rates.to()
						: rates.coveredFrom() + " to " + rates.coveredTo())
				+ "; the indicator covers " + values.from() + " to " + values.to().minusDays(1) + (overlap ? "."
						: ": the two periods do not overlap, so this compares a district's illness in one period with"
								+ " its air in another, and says at most that the districts rank alike.")
				+ " Sentinel surveillance: the counts are cases reported by the sentinel units, by date of registration,"
				+ " not the illness of the population; a rate per 100,000 inhabitants compares districts, it is not an"
				+ " incidence. Suppressed districts are left out of the correlation (" + suppressed + " left out; n = " + n
				+ " districts remain)" + (n < 10 ? ", and with n below 10 the correlation is unreliable." : ".");
	}

}
