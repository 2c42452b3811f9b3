package org.cabildo.portal;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart of a stream's values over some days, drawn on the server as SVG coordinates (in
 * a {@value #WIDTH} × {@value #HEIGHT} view box) for the card's template: a line through values
 * no more than a step apart, a dot at every value, the days along the bottom and the lowest,
 * middle and highest values up the side. The same values are listed in {@code rows}, for whoever
 * cannot see the chart.
 *
 * @param title what the chart shows (the SVG's title)
 * @param description what it says, in a sentence (the SVG's description)
 * @param lines each line's points ("x,y x,y ...")
 * @param dots one dot per value
 * @param days a tick at each local midnight, labelled with the day
 * @param levels the lowest, middle and highest value, at their heights
 * @param rows every value with its time, oldest first
 */
record Chart(String title, String description, List<String> lines, List<Dot> dots, List<Tick> days,
		List<Tick> levels, List<Card.Row> rows) {

	static final int WIDTH = 640;

	static final int HEIGHT = 240;

	static final int LEFT = 64;

	static final int RIGHT = 628;

	static final int TOP = 12;

	static final int BOTTOM = 204;

	/** A value at an instant (the start of its hour or interval). */
	record Point(Instant time, double value) {
	}

	/** A dot's centre. */
	record Dot(String x, String y) {
	}

	/** A label at a position along an axis. */
	record Tick(String at, String label) {
	}

	/** The view box, for the template. */
	public String viewBox() {
		return "0 0 " + WIDTH + " " + HEIGHT;
	}

	public int left() {
		return LEFT;
	}

	public int right() {
		return RIGHT;
	}

	public int top() {
		return TOP;
	}

	public int bottom() {
		return BOTTOM;
	}

	/** Where the day labels stand: below the plot. */
	public int dayLabels() {
		return BOTTOM + 18;
	}

	/**
	 * Draws points (oldest first) over [from, to); values more than {@code step} apart are not
	 * joined by a line.
	 */
	static Chart draw(List<Point> points, Instant from, Instant to, Duration step, ZoneId zone, Locale locale,
			String title, String description, DateTimeFormatter rowTimes) {
		NumberFormat numbers = NumberFormat.getNumberInstance(locale);
		numbers.setMaximumFractionDigits(2);
		double min = points.stream().mapToDouble(Point::value).min().orElse(0);
		double max = points.stream().mapToDouble(Point::value).max().orElse(0);
		if (max - min < 1e-9) {
			// one level only: draw it in the middle
			double pad = Math.max(1, Math.abs(min) * 0.1);
			min -= pad;
			max += pad;
		}
		double span = max - min;
		double length = Math.max(1, Duration.between(from, to).toMillis());
		List<String> lines = new ArrayList<>();
		List<Dot> dots = new ArrayList<>();
		List<Card.Row> rows = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		int inLine = 0;
		Instant previous = null;
		for (Point point : points) {
			String x = coordinate(LEFT + (RIGHT - LEFT) * Duration.between(from, point.time()).toMillis() / length);
			String y = coordinate(BOTTOM - (BOTTOM - TOP) * (point.value() - min) / span);
			if (previous != null && Duration.between(previous, point.time()).compareTo(step) > 0) {
				inLine = close(line, inLine, lines);
			}
			line.append(inLine == 0 ? "" : " ").append(x).append(',').append(y);
			inLine++;
			previous = point.time();
			dots.add(new Dot(x, y));
			rows.add(new Card.Row(rowTimes.format(point.time().atZone(zone)), numbers.format(point.value())));
		}
		close(line, inLine, lines);
		List<Tick> levels = new ArrayList<>();
		for (double level : new double[] { min, (min + max) / 2, max }) {
			levels.add(new Tick(coordinate(BOTTOM - (BOTTOM - TOP) * (level - min) / span), numbers.format(level)));
		}
		List<Tick> days = new ArrayList<>();
		DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d", locale);
		for (LocalDate date = LocalDate.ofInstant(from, zone).plusDays(1); !date.atStartOfDay(zone)
			.toInstant()
			.isAfter(to); date = date.plusDays(1)) {
			Instant midnight = date.atStartOfDay(zone).toInstant();
			days.add(new Tick(coordinate(LEFT + (RIGHT - LEFT) * Duration.between(from, midnight).toMillis() / length),
					day.format(date)));
		}
		return new Chart(title, description, lines, dots, days, levels, rows);
	}

	/** Ends a line; one of a single point is left to its dot. */
	private static int close(StringBuilder line, int inLine, List<String> lines) {
		if (inLine > 1) {
			lines.add(line.toString());
		}
		line.setLength(0);
		return 0;
	}

	private static String coordinate(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
