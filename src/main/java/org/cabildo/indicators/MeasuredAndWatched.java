package org.cabildo.indicators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.PersonalDataClass;
import org.cabildo.governance.Register;
import org.cabildo.governance.Stage;
import org.cabildo.indicators.SensingByDistrict.ClassTally;
import org.cabildo.indicators.SensingByDistrict.DistrictSensing;
import org.cabildo.indicators.SensingByDistrict.PurposeTally;
import org.cabildo.indicators.SensingByDistrict.Spread;
import org.cabildo.indicators.SensingByDistrict.Tally;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Counts the declared streams per district by personal-data class and purpose ({@link SensingByDistrict}); the portal shows it too. */
@Service
public class MeasuredAndWatched {

	private final JdbcClient jdbc;

	private final Register register;

	private final DistrictRegister districts;

	MeasuredAndWatched(JdbcClient jdbc, Register register, DistrictRegister districts) {
		this.jdbc = jdbc;
		this.register = register;
		this.districts = districts;
	}

	/** A counted stream: its Thing, its district (null: none) and its declaration. */
	record Stream(long id, long thing, String district, Declaration declaration) {
	}

	public SensingByDistrict count() {
		Map<Long, Declaration> declared = new HashMap<>();
		for (Declaration declaration : register.all()) {
			if (declaration.stage() != Stage.RETIRED) {
				declared.put(declaration.datastreamId(), declaration);
			}
		}
		List<Stream> streams = new ArrayList<>();
		jdbc.sql("SELECT s.id, s.thing_id, td.district_id FROM streams s"
				+ " LEFT JOIN thing_districts td ON td.thing_id = s.thing_id ORDER BY s.id")
			.query((rs, n) -> {
				Declaration declaration = declared.get(rs.getLong(1));
				if (declaration != null) {
					streams.add(new Stream(rs.getLong(1), rs.getLong(2), rs.getString(3), declaration));
				}
				return null;
			})
			.list();
		return count(districts.all(), streams);
	}

	/** The counting itself, from the districts and the declared streams. */
	static SensingByDistrict count(List<District> districts, List<Stream> streams) {
		Set<String> purposes = new TreeSet<>();
		streams.forEach(stream -> purposes.addAll(stream.declaration().purposes()));
		Map<String, List<Stream>> byDistrict = new LinkedHashMap<>();
		districts.forEach(district -> byDistrict.put(district.id(), new ArrayList<>()));
		long unplaced = 0;
		for (Stream stream : streams) {
			List<Stream> in = stream.district() == null ? null : byDistrict.get(stream.district());
			if (in == null) {
				unplaced++;
			}
			else {
				in.add(stream);
			}
		}
		List<DistrictSensing> rows = new ArrayList<>();
		for (District district : districts) {
			Long population = district.population() == null || district.population() == 0 ? null
					: district.population();
			rows.add(sensing(district.id(), district.name(), district.population(), district.things(),
					byDistrict.get(district.id()), population, purposes));
		}
		List<Stream> all = byDistrict.values().stream().flatMap(List::stream).toList();
		long population = districts.stream()
			.filter(d -> d.population() != null)
			.mapToLong(District::population)
			.sum();
		// The city's rates: the districts with a population, over their population.
		Set<String> withPopulation = new HashSet<>();
		districts.stream().filter(d -> d.population() != null && d.population() > 0).forEach(d -> withPopulation.add(d.id()));
		DistrictSensing city = sensing(null, null, population, districts.stream().mapToLong(District::things).sum(),
				all, null, purposes);
		DistrictSensing rated = sensing(null, null, population, 0,
				all.stream().filter(s -> withPopulation.contains(s.district())).toList(), population == 0 ? null
						: population, purposes);
		city = withRates(city, rated);
		return new SensingByDistrict(SensingByDistrict.METHOD, List.copyOf(rows), city, unplaced, spreads(rows));
	}

	private static DistrictSensing sensing(String id, String name, Long population, long things, List<Stream> streams,
			Long per, Set<String> purposes) {
		Tally measures = tally(streams, s -> !s.declaration().personalDataClass().isPersonal(), per);
		Tally watches = tally(streams, s -> s.declaration().personalDataClass().isPersonal(), per);
		List<ClassTally> byClass = new ArrayList<>();
		for (PersonalDataClass personal : PersonalDataClass.values()) {
			byClass.add(new ClassTally(personal.id(),
					tally(streams, s -> s.declaration().personalDataClass() == personal, per)));
		}
		List<PurposeTally> byPurpose = new ArrayList<>();
		for (String purpose : purposes) {
			byPurpose.add(new PurposeTally(purpose, tally(streams, s -> s.declaration().purposes().contains(purpose), per)));
		}
		return new DistrictSensing(id, name, population, things, measures, watches, List.copyOf(byClass),
				List.copyOf(byPurpose));
	}

	/** The city's counts with the rates of the districts that have a population. */
	private static DistrictSensing withRates(DistrictSensing counts, DistrictSensing rates) {
		Function<Tally[], Tally> merge = pair -> new Tally(pair[0].datastreams(), pair[0].things(),
				pair[1].datastreamsPer100k(), pair[1].thingsPer100k());
		List<ClassTally> byClass = new ArrayList<>();
		for (int i = 0; i < counts.byClass().size(); i++) {
			byClass.add(new ClassTally(counts.byClass().get(i).personalDataClass(),
					merge.apply(new Tally[] { counts.byClass().get(i).tally(), rates.byClass().get(i).tally() })));
		}
		List<PurposeTally> byPurpose = new ArrayList<>();
		for (int i = 0; i < counts.byPurpose().size(); i++) {
			byPurpose.add(new PurposeTally(counts.byPurpose().get(i).purpose(),
					merge.apply(new Tally[] { counts.byPurpose().get(i).tally(), rates.byPurpose().get(i).tally() })));
		}
		return new DistrictSensing(null, null, counts.population(), counts.things(),
				merge.apply(new Tally[] { counts.measures(), rates.measures() }),
				merge.apply(new Tally[] { counts.watches(), rates.watches() }), List.copyOf(byClass),
				List.copyOf(byPurpose));
	}

	private static Tally tally(List<Stream> streams, java.util.function.Predicate<Stream> counted, Long population) {
		long datastreams = 0;
		Set<Long> things = new HashSet<>();
		for (Stream stream : streams) {
			if (counted.test(stream)) {
				datastreams++;
				things.add(stream.thing());
			}
		}
		return new Tally(datastreams, things.size(), per100k(datastreams, population),
				per100k(things.size(), population));
	}

	static Double per100k(long count, Long population) {
		return population == null || population == 0 ? null : count * 100_000.0 / population;
	}

	/** Every per-100,000 figure of a district, by name, in a fixed order. */
	static Map<String, Double> figures(DistrictSensing sensing) {
		Map<String, Double> figures = new LinkedHashMap<>();
		put(figures, "measures", sensing.measures());
		put(figures, "watches", sensing.watches());
		sensing.byClass().forEach(c -> put(figures, "class." + c.personalDataClass(), c.tally()));
		sensing.byPurpose().forEach(p -> put(figures, "purpose." + p.purpose(), p.tally()));
		return figures;
	}

	private static void put(Map<String, Double> figures, String prefix, Tally tally) {
		figures.put(prefix + ".datastreamsPer100k", tally.datastreamsPer100k());
		figures.put(prefix + ".thingsPer100k", tally.thingsPer100k());
	}

	static List<Spread> spreads(List<DistrictSensing> rows) {
		List<DistrictSensing> rated = rows.stream()
			.filter(row -> row.population() != null && row.population() > 0)
			.sorted(Comparator.comparing(DistrictSensing::district))
			.toList();
		if (rated.isEmpty()) {
			return List.of();
		}
		List<Map<String, Double>> figures = rated.stream().map(MeasuredAndWatched::figures).toList();
		List<Spread> spreads = new ArrayList<>();
		for (String figure : figures.get(0).keySet()) {
			int high = 0;
			int low = 0;
			for (int i = 1; i < rated.size(); i++) {
				if (figures.get(i).get(figure) > figures.get(high).get(figure)) {
					high = i;
				}
				if (figures.get(i).get(figure) < figures.get(low).get(figure)) {
					low = i;
				}
			}
			double highest = figures.get(high).get(figure);
			double lowest = figures.get(low).get(figure);
			spreads.add(new Spread(figure, rated.get(high).district(), highest, rated.get(low).district(), lowest,
					lowest == 0 ? null : highest / lowest, highest - lowest));
		}
		return List.copyOf(spreads);
	}

}
