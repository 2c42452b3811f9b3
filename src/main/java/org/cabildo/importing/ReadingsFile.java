package org.cabildo.importing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.importing.ImportMapping.Parameter;
import org.cabildo.importing.ImportMapping.Readings;
import org.cabildo.importing.ImportMapping.Shape;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads a readings file record by record, as the mapping says: its times resolved to times
 * with offsets, its sentinels and empty cells refused as missing values, a unit other than its
 * parameter's refused (nothing converts here). The header is checked when the file is opened.
 */
final class ReadingsFile implements AutoCloseable {

	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

	private final Reader in;

	private final MappingIterator<String[]> rows;

	private final Readings readings;

	private final String file;

	private final TimeReading times;

	private final int station;

	private final int time;

	private final int parameter;

	private final int value;

	private final int unit;

	/** Wide: the column of each parameter's values. */
	private final Map<String, Integer> parameterColumns = new LinkedHashMap<>();

	private final Map<String, String> units = new HashMap<>();

	private final List<String> header;

	/** The sentinels that are numbers, by their value. */
	private final Map<Double, String> numericSentinels = new HashMap<>();

	private long record = -1;

	ReadingsFile(ImportMapping mapping, Source source) {
		this.readings = mapping.readings();
		this.file = readings.file();
		this.times = new TimeReading(readings.timeFormat(), readings.timeZone(), readings.convention());
		try {
			this.in = source.open(file);
			this.rows = CSV.readerFor(String[].class).readValues(in);
			if (!rows.hasNext()) {
				throw new InvalidInput(file + ": the file is empty (a header row is needed)");
			}
			this.header = Arrays.stream(rows.next()).map(String::strip).toList();
		}
		catch (IOException e) {
			throw new InvalidInput(file + ": cannot be read: " + e.getMessage());
		}
		catch (JacksonException e) {
			throw invalid(e);
		}
		this.station = column(readings.station(), "station");
		this.time = column(readings.time(), "time");
		mapping.parameters().forEach((code, p) -> units.put(code, p.unit().code()));
		for (String sentinel : readings.sentinels()) {
			try {
				numericSentinels.put(Double.parseDouble(sentinel), sentinel);
			}
			catch (NumberFormatException e) {
				// a word such as NA: compared as written
			}
		}
		if (readings.shape() == Shape.LONG) {
			this.parameter = column(readings.parameter(), "parameter");
			this.value = column(readings.value(), "value");
			this.unit = readings.unit() == null ? -1 : column(readings.unit(), "unit");
		}
		else {
			this.parameter = -1;
			this.value = -1;
			this.unit = -1;
			for (Map.Entry<String, Parameter> entry : mapping.parameters().entrySet()) {
				String name = entry.getValue().column() != null ? entry.getValue().column() : entry.getKey();
				int at = header.indexOf(name);
				if (at >= 0) {
					parameterColumns.put(entry.getKey(), at);
				}
			}
			if (parameterColumns.isEmpty()) {
				throw new InvalidInput(file + ":1:1: no column of a parameter of the mapping (" + mapping.parameters().keySet()
						+ ") in the header " + header);
			}
		}
	}

	List<String> header() {
		return header;
	}

	/** The rows of the next record, added to {@code into}; false at the end of the file. */
	boolean next(List<Row> into) {
		String[] cells;
		long line;
		try {
			do {
				if (!rows.hasNext()) {
					return false;
				}
				line = rows.currentLocation().getLineNr();
				cells = rows.next();
			}
			while (cells.length == 0 || (cells.length == 1 && cells[0].isBlank()));
		}
		catch (JacksonException e) {
			throw invalid(e);
		}
		record++;
		String stationId = cell(cells, station);
		if (readings.shape() == Shape.LONG) {
			String code = cell(cells, parameter);
			into.add(row(cells, line, stationId, code, cell(cells, value), unit < 0 ? null : cell(cells, unit)));
		}
		else {
			for (Map.Entry<String, Integer> column : parameterColumns.entrySet()) {
				into.add(row(cells, line, stationId, column.getKey(), cell(cells, column.getValue()), null));
			}
		}
		return true;
	}

	/** Skips {@code count} records (done by an earlier run). */
	void skip(long count) {
		List<Row> ignored = new ArrayList<>();
		while (record + 1 < count && next(ignored)) {
			ignored.clear();
		}
	}

	private Row row(String[] cells, long line, String stationId, String code, String text, String unitCode) {
		if (stationId.isEmpty()) {
			return new Row.Refused(record, line, cells, code, "no station");
		}
		String expected = units.get(code);
		if (expected == null) {
			return new Row.Refused(record, line, cells, code, "parameter '" + code + "' is not in the mapping");
		}
		if (unitCode != null && !unitCode.isEmpty() && !unitCode.equals(expected)) {
			return new Row.Refused(record, line, cells, code,
					"unit '" + unitCode + "' is not the mapping's unit of " + code + " ('" + expected + "')");
		}
		if (text.isEmpty()) {
			return new Row.Refused(record, line, cells, code, "missing value (empty)");
		}
		if (readings.sentinels().contains(text)) {
			return new Row.Refused(record, line, cells, code, "missing value (sentinel '" + text + "')");
		}
		double number;
		try {
			number = Double.parseDouble(text);
		}
		catch (NumberFormatException e) {
			return new Row.Refused(record, line, cells, code, "value '" + text + "' is not a number");
		}
		if (!Double.isFinite(number)) {
			return new Row.Refused(record, line, cells, code, "value '" + text + "' is not a finite number");
		}
		String sentinel = numericSentinels.get(number);
		if (sentinel != null) {
			// -99.0 is the sentinel -99 too
			return new Row.Refused(record, line, cells, code, "missing value (sentinel '" + sentinel + "')");
		}
		try {
			return new Row.Candidate(record, line, cells, stationId, code, times.read(cell(cells, time)), number);
		}
		catch (TimeReading.Refusal refusal) {
			return new Row.Refused(record, line, cells, code, refusal.getMessage());
		}
	}

	private static String cell(String[] cells, int at) {
		return at < cells.length ? cells[at].strip() : "";
	}

	private int column(String name, String role) {
		int at = header.indexOf(name);
		if (at < 0) {
			throw new InvalidInput(file + ":1:1: there is no column '" + name + "' (the mapping's readings." + role
					+ "); the header has " + header);
		}
		return at;
	}

	private InvalidInput invalid(JacksonException e) {
		var location = e.getLocation();
		return new InvalidInput(file + (location == null ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr())
				+ ": " + e.getOriginalMessage());
	}

	@Override
	public void close() {
		try {
			rows.close();
			in.close();
		}
		catch (IOException e) {
			// read to the end or given up: nothing is lost by a failed close of an input
		}
	}

}
