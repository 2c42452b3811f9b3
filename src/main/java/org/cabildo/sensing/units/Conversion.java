package org.cabildo.sensing.units;

/**
 * A change of unit as the straight line {@code factor × value + offset}: what every conversion
 * between UCUM units of one dimension is (Cel to K has an offset, ppb to ug/m3 has none), and
 * what a database can apply to a column with two bound numbers.
 *
 * @param factor multiplies the value
 * @param offset is added after
 */
public record Conversion(double factor, double offset) {

	public static final Conversion IDENTITY = new Conversion(1, 0);

	public Conversion {
		if (!Double.isFinite(factor) || factor == 0 || !Double.isFinite(offset)) {
			throw new IllegalArgumentException("a conversion needs a finite, non-zero factor and a finite offset");
		}
	}

	public double apply(double value) {
		return factor * value + offset;
	}

	/** This conversion, then {@code next}. */
	public Conversion then(Conversion next) {
		return new Conversion(next.factor * factor, next.factor * offset + next.offset);
	}

	public Conversion inverse() {
		return new Conversion(1 / factor, -offset / factor);
	}

	public boolean isIdentity() {
		return factor == 1 && offset == 0;
	}

}
