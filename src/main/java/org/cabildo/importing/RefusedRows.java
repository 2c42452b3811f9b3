package org.cabildo.importing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;

/**
 * The refused rows of an import as CSV, appended to as the import goes (a resumed import adds to
 * the file of the first run): where, which parameter, why, then the record as it was.
 */
public final class RefusedRows implements AutoCloseable {

	private final Writer out;

	private final SequenceWriter csv;

	/** @param header the readings file's header, the columns after line, parameter and reason */
	public RefusedRows(Path file, List<String> header) throws IOException {
		boolean fresh = !Files.exists(file) || Files.size(file) == 0;
		if (file.getParent() != null) {
			Files.createDirectories(file.getParent());
		}
		this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
		this.csv = new CsvMapper().writer().writeValues(out);
		if (fresh) {
			List<String> first = new ArrayList<>(List.of("line", "parameter", "reason"));
			first.addAll(header);
			csv.write(first.toArray(String[]::new));
		}
	}

	public void write(Row row, String reason) {
		List<String> cells = new ArrayList<>(List.of(Long.toString(row.line()), row.parameter(), reason));
		cells.addAll(Arrays.asList(row.cells()));
		csv.write(cells.toArray(String[]::new));
	}

	public void flush() {
		csv.flush();
	}

	@Override
	public void close() throws IOException {
		csv.close();
		out.close();
	}

}
