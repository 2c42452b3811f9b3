package org.cabildo.importing.web;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.cabildo.identity.Caller;
import org.cabildo.platform.ApiException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code ./cabildo import} as an API: a mapping and the files it names, uploaded; the import
 * runs in the background as the caller, and is followed, its refused rows read, or cancelled
 * here. Operators of the mapping's organisation start one; its operators and stewards see it.
 */
@RestController
@Tag(name = "Imports")
class ImportController {

	static final String PATH = "/api/imports";

	private final ImportJobs jobs;

	ImportController(ImportJobs jobs) {
		this.jobs = jobs;
	}

	@PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Starts an import: the mapping (part 'mapping') and the files it names (parts 'files'), checked"
			+ " first (400 with file:line:column and pointer); 202 with its Location; an operator of the mapping's"
			+ " organisation; one running import per organisation (409)")
	ResponseEntity<ImportStatus.Started> start(@RequestPart("mapping") MultipartFile mapping,
			@RequestPart(value = "files", required = false) List<MultipartFile> files) {
		ImportStatus.Started started = jobs.start(signedIn(), mapping, files == null ? List.of() : files);
		return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(started.location())).body(started);
	}

	@GetMapping(PATH + "/{id}")
	@Operation(summary = "An import's status, counts, rate, ETA and summary; its organisation's operators and stewards")
	ImportStatus status(@PathVariable long id) {
		return jobs.status(signedIn(), id);
	}

	@GetMapping(path = PATH + "/{id}/refused", produces = "text/csv")
	@Operation(summary = "An import's refused rows as CSV: line, parameter, reason, then the record as it was")
	ResponseEntity<Resource> refused(@PathVariable long id) {
		Path file = jobs.refusedRows(signedIn(), id).orElseThrow(() -> ApiException
			.notFound("the refused rows of import " + id + " are not on this server (they are kept where it ran)"));
		return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(new FileSystemResource(file));
	}

	@DeleteMapping(PATH + "/{id}")
	@Operation(summary = "Cancels a running import: it stops before its next request; what was acknowledged is kept")
	ImportStatus cancel(@PathVariable long id) {
		return jobs.cancel(signedIn(), id);
	}

	private static Caller signedIn() {
		return Caller.current()
			.orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "imports are for signed-in operators: sign in"));
	}

}
