package org.cabildo.importing.web;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of imports through the API ({@code cabildo.imports.*}).
 *
 * @param maxUploadBytes the largest upload (mapping and files together) {@code POST /api/imports}
 *        takes; a larger one is refused with 413 before it is stored
 * @param directory where uploads are kept while their import runs (removed when it ends) and
 *        the refused rows of each import are kept; empty for {@code imports} in the data directory
 * @param staleAfter a running import whose server has not said it is alive for this long is
 *        shown as interrupted (its server stopped), and no longer keeps another from starting
 */
@ConfigurationProperties("cabildo.imports")
public record ImportSettings(@DefaultValue("209715200") long maxUploadBytes, @DefaultValue("") String directory,
		@DefaultValue("60s") Duration staleAfter) {

	public ImportSettings {
		if (maxUploadBytes < 1) {
			throw new IllegalArgumentException("cabildo.imports.max-upload-bytes must be at least 1");
		}
		if (staleAfter.toSeconds() < 3) {
			throw new IllegalArgumentException("cabildo.imports.stale-after must be at least 3 s");
		}
	}

	/** The folder of uploads and refused rows. */
	Path folder(Path dataDir) {
		return directory.isBlank() ? dataDir.resolve("imports") : Path.of(directory);
	}

}
