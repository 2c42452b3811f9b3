package org.cabildo.sensing.units;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.measure.IncommensurableException;
import javax.measure.MeasurementException;
import javax.measure.Unit;
import javax.measure.UnitConverter;

import systems.uom.ucum.format.UCUMFormat;
import systems.uom.ucum.internal.format.TokenMgrError;

/**
 * UCUM unit symbols ({@code ug/m3}, {@code [ppb]}, {@code Cel}) read and compared by the JSR 385
 * reference implementation (Indriya with the UCUM system): no table of units of our own.
 * <p>
 * A symbol that is not UCUM is not an error: SensorThings lets a Datastream's unit be any text,
 * so such a stream is stored and served as it is and merely cannot be converted. Before parsing,
 * the micro sign and superscript digits people write in display symbols ({@code µg/m³}) are read as
 * the UCUM letters they stand for ({@code ug/m3}); nothing else is guessed.
 */
public final class UcumUnits {

	/** Symbols read so far (parsed or not), so a page of Observations parses each stream's unit once. */
	private static final Map<String, Optional<Unit<?>>> READ = new ConcurrentHashMap<>();

	/** A bound on the memo: symbols come from clients, and an unbounded map would be theirs to fill. */
	private static final int REMEMBERED = 10_000;

	private static final UCUMFormat FORMAT = UCUMFormat.getInstance(UCUMFormat.Variant.CASE_SENSITIVE);

	private UcumUnits() {
	}

	/** The unit a symbol names in UCUM (case-sensitive), or empty when it names none. */
	public static Optional<Unit<?>> parse(String symbol) {
		if (symbol == null || symbol.isBlank() || symbol.length() > 200) {
			return Optional.empty();
		}
		Optional<Unit<?>> known = READ.get(symbol);
		if (known != null) {
			return known;
		}
		Optional<Unit<?>> unit = read(normalised(symbol.strip()));
		if (READ.size() < REMEMBERED) {
			READ.put(symbol, unit);
		}
		return unit;
	}

	private static Optional<Unit<?>> read(String symbol) {
		try {
			// The parser keeps state while it reads: one symbol at a time.
			synchronized (FORMAT) {
				return Optional.of(FORMAT.parse(symbol));
			}
		}
		catch (MeasurementException | IllegalArgumentException | UnsupportedOperationException
				| ClassCastException | TokenMgrError e) {
			return Optional.empty();
		}
	}

	/** {@code µg/m³} as {@code ug/m3}: the micro sign and superscript digits of display symbols. */
	static String normalised(String symbol) {
		StringBuilder text = new StringBuilder(symbol.length());
		for (char c : symbol.toCharArray()) {
			switch (c) {
				case '\u00b5', '\u03bc' -> text.append('u');
				case '\u00b9' -> text.append('1');
				case '\u00b2' -> text.append('2');
				case '\u00b3' -> text.append('3');
				default -> text.append(c);
			}
		}
		return text.toString();
	}

	/**
	 * The conversion from one unit to another of the same dimension, when it is a straight line
	 * (a logarithmic unit such as {@code dB} is not); empty when the units are not comparable.
	 */
	public static Optional<Conversion> between(Unit<?> from, Unit<?> to) {
		if (!from.isCompatible(to)) {
			return Optional.empty();
		}
		try {
			UnitConverter converter = from.getConverterToAny(to);
			double offset = converter.convert(0.0);
			double factor = converter.convert(1.0) - offset;
			Conversion line = new Conversion(factor, offset);
			// Affine converters are lines; a converter that is not one shows itself away from 0 and 1.
			for (double probe : new double[] { -40, 1000 }) {
				double expected = line.apply(probe);
				double actual = converter.convert(probe);
				if (Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected))) {
					return Optional.empty();
				}
			}
			return Optional.of(line);
		}
		catch (IncommensurableException | MeasurementException | IllegalArgumentException | ArithmeticException e) {
			return Optional.empty();
		}
	}

}
