package org.cabildo.participation;

import java.time.Instant;

/** A public note on a report's lifecycle: the status it left the report in, and who wrote it. */
public record ReportNote(Instant at, String status, String text, String author) {
}
